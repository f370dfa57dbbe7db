using System.Text;
using SessionHooks.Records;

namespace SessionHooks.Install;

/// <summary>
/// The JSON Schemas embedded in this assembly, copied to <c>.sessions/schemas/</c> so that each
/// session file's <c>$schema</c> (<c>schemas/&lt;kind&gt;.schema.json</c>) resolves offline in editors.
/// </summary>
internal static class SchemaCopies
{
    private const string ResourcePrefix = "schemas/";

    /// <summary>The embedded schemas' file names, e.g. <c>worklog.schema.json</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(SessionFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Text(string name)
    {
        using var stream = typeof(SessionFiles).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"schema resource {name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
