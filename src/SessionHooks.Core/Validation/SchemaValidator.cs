using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>
/// Checks a session file's text against its JSON Schema: first what stops it being read at all
/// (the parser's checks), then every schema error, each one diagnostic at the offending value.
/// </summary>
internal sealed class SchemaValidator
{
    private static readonly Lazy<SchemaValidator> Instance = new(() => new SchemaValidator(SchemaSet.Load()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<SessionFileKind, Lazy<JsonSchema>> schemas;

    internal SchemaValidator(Dictionary<SessionFileKind, Lazy<JsonSchema>> schemas) => this.schemas = schemas;

    /// <summary>The validator of this process; its schemas are loaded on first use, once.</summary>
    public static SchemaValidator Shared => Instance.Value;

    public IReadOnlyList<Diagnostic> Validate(SessionFileKind kind, string text, string displayPath) =>
        Validate(kind, Encoding.UTF8.GetBytes(text), displayPath, SessionFileParser.DefaultMaxBytes);

    public IReadOnlyList<Diagnostic> Validate(SessionFileKind kind, ReadOnlySpan<byte> bytes, string displayPath, long maxBytes)
    {
        var check = SessionFileChecks.Run(kind, bytes, displayPath, maxBytes);
        if (!check.Readable)
        {
            return check.Diagnostics;
        }

        var diagnostics = new List<Diagnostic>(check.Diagnostics);
        if (check.Migrated is { } migrated)
        {
            // The schemas describe the current format: what breaks them is found in the migrated
            // document, which has no lines of its own, so it is reported against the whole file.
            var current = Encoding.UTF8.GetBytes(migrated.ToJsonString());
            diagnostics.AddRange(Against(kind, current, LineIndex.Build(current), displayPath)
                .Select(d => d with { Line = 0, Column = 0, Message = $"{d.Message} (as migrated from format version {check.MigratedFrom})" }));
            return diagnostics;
        }

        diagnostics.AddRange(Against(kind, bytes[check.Skip..], check.Lines!, displayPath));
        return [.. diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)];
    }

    private List<Diagnostic> Against(SessionFileKind kind, ReadOnlySpan<byte> json, LineIndex lines, string displayPath)
    {
        // Only one of two values under one name survives a read: the other is lost without a word.
        if (DuplicateProperties.Find(json, lines, displayPath) is { } duplicate)
        {
            return [duplicate];
        }

        var token = Load(Encoding.UTF8.GetString(json));

        var schema = schemas[kind].Value;
        var errors = SchemaErrors.Leaves(new JsonSchemaValidator().Validate(token, schema));
        var misspellings = Misspellings.Find(token, schema);
        var found = errors.Count == 0 && misspellings.Count == 0 ? [] : Describe(errors, misspellings, json, lines, displayPath);
        if (kind == SessionFileKind.Config)
        {
            found.AddRange(SecretPatternChecks.Check(json, lines, displayPath));
        }

        return found;
    }

    private static List<Diagnostic> Describe(List<ValidationError> errors, List<Misspelling> misspellings, ReadOnlySpan<byte> json, LineIndex lines, string displayPath)
    {
        var wanted = errors.Select(SchemaErrors.SpotPath)
            .Concat(misspellings.Select(m => JsonLocator.Property(JsonPathStyle.JsonSchema, m.ObjectPath, m.Unknown)))
            .ToList();
        var spots = JsonLocator.Locate(json, wanted, JsonPathStyle.JsonSchema);
        var diagnostics = new List<Diagnostic>();
        var explained = new HashSet<Misspelling>();
        foreach (var error in errors)
        {
            var path = SchemaErrors.SpotPath(error);
            JsonSpot? spot = spots.TryGetValue(path, out var found) ? found : null;
            var offset = spot is { } s ? (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && s.NameOffset >= 0 ? s.NameOffset : s.Offset) : 0;
            var misspelt = error.Kind == ValidationErrorKind.PropertyRequired
                ? misspellings.Find(m => m.ObjectPath == path && m.Known == error.Property)
                : null;
            if (misspelt is not null)
            {
                explained.Add(misspelt);
            }

            diagnostics.Add(SchemaErrors.ToDiagnostic(error, spot, lines.At(json, offset), displayPath, misspelt?.Unknown));
        }

        foreach (var misspelling in misspellings.Where(m => !explained.Contains(m)))
        {
            var path = JsonLocator.Property(JsonPathStyle.JsonSchema, misspelling.ObjectPath, misspelling.Unknown);
            var offset = spots.TryGetValue(path, out var spot) ? spot.NameOffset : 0;
            var (line, column) = lines.At(json, offset);
            diagnostics.Add(DiagnosticCatalog.PropertyNotAllowed.At(displayPath, line, column,
                $"{SchemaPaths.Display(misspelling.ObjectPath)} has the unknown property '{misspelling.Unknown}'; did you mean '{misspelling.Known}'?",
                $"rename it to '{misspelling.Known}'; unknown properties are kept but not read").WithSeverity(Severity.Warning));
        }

        return diagnostics;
    }

    /// <summary>The document as NJsonSchema reads it, strings kept as written (not turned into dates).</summary>
    private static JToken Load(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.Load(reader);
    }
}
