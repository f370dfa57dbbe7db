namespace SessionHooks.Validation;

/// <summary>NJsonSchema's paths (<c>#/sessions[0].id</c>): their parents, and how a message names them.</summary>
internal static class SchemaPaths
{
    public const string Root = "#/";

    public static string Parent(string path, string property) =>
        path == Root + property ? Root
        : path.EndsWith("." + property, StringComparison.Ordinal) ? path[..^(property.Length + 1)]
        : path;

    /// <summary>How a message names the place: <c>sessions[0].id</c>, or "the file" for the root.</summary>
    public static string Display(string path) => path == Root ? "the file" : "'" + path[Root.Length..] + "'";
}
