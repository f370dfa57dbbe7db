using NJsonSchema;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>The file schemas, read from the resources embedded in this assembly, with their references to <c>core.schema.json</c> resolved.</summary>
internal static class SchemaSet
{
    private const string Core = "core.schema.json";

    /// <summary>
    /// The schemas, each built the first time it is asked for: a push that changes only the
    /// worklog builds the worklog's, not the others.
    /// </summary>
    public static Dictionary<SessionFileKind, Lazy<JsonSchema>> Load()
    {
        var schemas = new Dictionary<SessionFileKind, Lazy<JsonSchema>>();
        foreach (var kind in Enum.GetValues<SessionFileKind>())
        {
            var name = kind.SchemaName();
            schemas[kind] = new Lazy<JsonSchema>(() => SchemaBuilder.Build(name, new Dictionary<string, string>
            {
                [name] = Resource(name),
                [Core] = Resource(Core),
            }));
        }

        return schemas;
    }

    /// <summary>The text of an embedded schema, e.g. for the offline copies written beside the session files.</summary>
    public static string Resource(string fileName)
    {
        using var stream = typeof(SchemaSet).Assembly.GetManifestResourceStream("schemas/" + fileName)
            ?? throw new SessionHooksException($"the schema {fileName} is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
