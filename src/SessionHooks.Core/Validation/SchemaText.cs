using NJsonSchema;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>The JSON Schemas' text, as shipped in this build: for the offline copies editors resolve.</summary>
internal static class SchemaText
{
    /// <summary>The file names of every schema, <c>core.schema.json</c> included.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["core.schema.json", .. Enum.GetValues<SessionFileKind>().Select(k => k.SchemaName())];

    public static string Of(string fileName) => SchemaSet.Resource(fileName);
}
