using System.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>What a finding judges: whether the file is JSON at all, its format version, its schema, a rule beyond the schema, or advice.</summary>
internal enum FindingSource
{
    /// <summary>The file cannot be read as JSON (or only with a warning, such as a byte order mark).</summary>
    Syntax,

    /// <summary><c>schema_version</c>: the schema's <c>required</c> and <c>enum</c> for it, in SessionHooks' words.</summary>
    Version,

    /// <summary>A keyword of the file's JSON Schema.</summary>
    Schema,

    /// <summary>A rule the schema cannot state: a property name given twice, a secret pattern the linear-time engine refuses.</summary>
    Rule,

    /// <summary>A warning that changes no verdict: a likely misspelt property.</summary>
    Advice,
}

/// <summary>One diagnostic, what it judges, and the JSON Pointer of the value it concerns (null when it concerns no value).</summary>
internal sealed record Finding(Diagnostic Diagnostic, FindingSource Source, string? Pointer);

/// <summary>
/// Checks a session file's text against its JSON Schema: first what stops it being read at all
/// (the parser's checks), then its format version, then every schema error, each one diagnostic
/// at the offending value.
/// </summary>
/// <remarks>
/// The format version policy (docs/records.md, "Format versions"), which the schemas' enum and
/// descriptions for <c>schema_version</c> state too: 2 is current; 1 is valid, read as it is and
/// written back as 2 (a warning says so); no version (the layout before format 1), 0 or anything
/// else is an error, while a newer version stops the check. The file's content is checked as it
/// is, against the current schema, whatever its version: a file SessionHooks would migrate on load
/// gets the diagnostics an editor shows, at the same lines.
/// </remarks>
internal sealed class SchemaValidator
{
    private const string VersionPointer = "/schema_version";

    private static readonly Lazy<SchemaValidator> Instance = new(() => new SchemaValidator(SchemaSet.Load()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<SessionFileKind, Lazy<JsonSchema>> schemas;

    internal SchemaValidator(Dictionary<SessionFileKind, Lazy<JsonSchema>> schemas) => this.schemas = schemas;

    /// <summary>The validator of this process; its schemas are loaded on first use, once.</summary>
    public static SchemaValidator Shared => Instance.Value;

    public IReadOnlyList<Diagnostic> Validate(SessionFileKind kind, string text, string displayPath) =>
        Validate(kind, Encoding.UTF8.GetBytes(text), displayPath, SessionFileParser.DefaultMaxBytes);

    public IReadOnlyList<Diagnostic> Validate(SessionFileKind kind, ReadOnlySpan<byte> bytes, string displayPath, long maxBytes) =>
        [.. Check(kind, bytes, displayPath, maxBytes).Select(f => f.Diagnostic)];

    /// <summary>Every finding, in the order of the file.</summary>
    internal List<Finding> Check(SessionFileKind kind, ReadOnlySpan<byte> bytes, string displayPath, long maxBytes)
    {
        var check = SessionFileChecks.Run(kind, bytes, displayPath, maxBytes);
        var findings = check.Diagnostics.Select(Classify).ToList();

        // A version that is missing or wrong stops the typed read, not the schema's look at the rest.
        var versionWrong = findings.Any(f => f.Diagnostic.Code == DiagnosticCatalog.InvalidSchemaVersion.Code);
        if (!check.Readable && !versionWrong)
        {
            return findings;
        }

        var json = bytes[check.Skip..];
        if (DuplicateProperties.Find(json, check.Lines!, displayPath) is { } duplicate)
        {
            // Only one of two values under one name survives a read: the other is lost without a word.
            findings.Add(new Finding(duplicate, FindingSource.Rule, null));
            return findings;
        }

        var document = InstanceDocument.Read(json);
        var hasVersion = document.Root is JObject root && root.ContainsKey("schema_version");
        findings = [.. findings.Select(f => f.Source == FindingSource.Version ? f with { Pointer = hasVersion ? VersionPointer : "" } : f)];
        if (check.Readable && VersionFinding(kind, check, document, json, check.Lines!, displayPath) is { } version)
        {
            findings.Add(version);
        }

        var versionReported = findings.Any(f => f.Source == FindingSource.Version && f.Diagnostic.Severity == Severity.Error);
        findings.AddRange(Against(kind, document, json, check.Lines!, displayPath, versionReported));
        return [.. findings.OrderBy(f => f.Diagnostic.Line).ThenBy(f => f.Diagnostic.Column)];
    }

    /// <summary>
    /// The schema of the items of the root's array <paramref name="property"/>, when that is all
    /// the schema asks of the array (no count, uniqueness or combinator over it, nor over the root
    /// object, no enum, no pattern property that could name it): then checking the items one by
    /// one says what checking the file does. Null otherwise.
    /// </summary>
    internal JsonSchema? ItemSchema(SessionFileKind kind, string property)
    {
        var root = schemas[kind].Value.ActualSchema;
        var rootAsksOnlyProperties = root.PatternProperties.Count == 0 && root.AllOf.Count == 0 && root.AnyOf.Count == 0 && root.OneOf.Count == 0
            && root.Not is null && !root.IsEnumeration && KeywordRules.Of(root) is null;
        if (!rootAsksOnlyProperties || !root.ActualProperties.TryGetValue(property, out var declared))
        {
            return null;
        }

        var array = declared.ActualSchema;
        var onlyItems = array.Type == JsonObjectType.Array && array.Items.Count == 0 && array.MinItems == 0 && array.MaxItems == 0
            && !array.UniqueItems && array.AllOf.Count == 0 && array.AnyOf.Count == 0 && array.OneOf.Count == 0 && array.Not is null
            && !array.IsEnumeration && KeywordRules.Of(array) is null && KeywordRules.Of(declared) is null;
        return onlyItems ? array.Item : null;
    }

    /// <summary>True when a value, on its own, has nothing to report against <paramref name="schema"/>: no name twice, no schema error, no likely misspelling.</summary>
    internal static bool PassesAsItem(JsonSchema schema, ReadOnlySpan<byte> json)
    {
        try
        {
            if (DuplicateProperties.Find(json, LineIndex.Build(json), "") is not null)
            {
                return false;
            }

            var document = InstanceDocument.Read(json);
            return new Draft07Validator(document).Validate(schema).Count == 0 && Misspellings.Find(document.Root, schema).Count == 0;
        }
        catch (InvalidOperationException)
        {
            // A string escaping half a surrogate pair: the file's checks report it.
            return false;
        }
    }

    private static Finding Classify(Diagnostic diagnostic) => diagnostic.Code switch
    {
        var code when code == DiagnosticCatalog.InvalidSchemaVersion.Code || code == DiagnosticCatalog.UnknownSchemaVersion.Code =>
            new Finding(diagnostic, FindingSource.Version, VersionPointer),
        var code when code == DiagnosticCatalog.WrongType.Code => new Finding(diagnostic, FindingSource.Schema, ""),
        _ => new Finding(diagnostic, FindingSource.Syntax, null),
    };

    /// <summary>What the version policy says of a file that can be read: nothing for the current version.</summary>
    private static Finding? VersionFinding(SessionFileKind kind, FileCheck check, InstanceDocument document, ReadOnlySpan<byte> json, LineIndex lines, string displayPath)
    {
        var versionToken = (document.Root as JObject)?.Property("schema_version")?.Value;
        var (line, column) = lines.At(json, versionToken is null ? document.OffsetOf(document.Root) : document.OffsetOf(versionToken));
        if (check.MigratedFrom == FormatMigration.Legacy)
        {
            var what = versionToken is null ? "the file has no schema_version" : "schema_version 0 is not a format version";
            return new Finding(DiagnosticCatalog.InvalidSchemaVersion.At(displayPath, line, column,
                    $"{what}: it is in the layout from before format 1, which SessionHooks reads and writes in format {FormatVersion.Current} the next time it writes the file",
                    $"rewrite it in format {FormatVersion.Current} (docs/records.md), or let SessionHooks do it when it next records a change to the file"),
                FindingSource.Version, versionToken is null ? "" : VersionPointer);
        }

        if (check.Version >= FormatVersion.Current)
        {
            return null;
        }

        var message = kind == SessionFileKind.Config
            ? $"config.json is in format {check.Version}, which reads the same as format {FormatVersion.Current}; SessionHooks never rewrites config.json"
            : $"the file is in format {check.Version}: SessionHooks reads it as it is and writes it in format {FormatVersion.Current} the next time it writes the file";
        var hint = kind == SessionFileKind.Config ? $"set \"schema_version\": {FormatVersion.Current}" : "nothing to do; docs/records.md says what changed";
        return new Finding(DiagnosticCatalog.OlderFormatVersion.At(displayPath, line, column, message, hint), FindingSource.Version, VersionPointer);
    }

    private List<Finding> Against(SessionFileKind kind, InstanceDocument document, ReadOnlySpan<byte> json, LineIndex lines, string displayPath, bool versionReported)
    {
        var schema = schemas[kind].Value;
        var errors = SchemaErrors.Leaves(new Draft07Validator(document).Validate(schema));
        if (versionReported)
        {
            // The version's own diagnostic says what the schema would say of it, in SessionHooks' words.
            errors.RemoveAll(e => e.Pointer == VersionPointer || (e.Pointer.Length == 0 && e.Error.Kind == ValidationErrorKind.PropertyRequired && e.Error.Property == "schema_version"));
        }

        var misspellings = Misspellings.Find(document.Root, schema);
        var found = Describe(errors, misspellings, document, json, lines, displayPath);
        if (kind == SessionFileKind.Config)
        {
            found.AddRange(SecretPatternChecks.Check(json, lines, displayPath).Select(d => new Finding(d, FindingSource.Rule, null)));
        }

        return found;
    }

    private static List<Finding> Describe(List<LocatedError> errors, List<Misspelling> misspellings, InstanceDocument document, ReadOnlySpan<byte> json, LineIndex lines, string displayPath)
    {
        var findings = new List<Finding>();
        var explained = new HashSet<Misspelling>();
        foreach (var error in errors)
        {
            var misspelt = error.Error.Kind == ValidationErrorKind.PropertyRequired
                ? misspellings.Find(m => ReferenceEquals(m.Owner, error.Subject) && m.Known == error.Error.Property)
                : null;
            if (misspelt is not null)
            {
                explained.Add(misspelt);
            }

            var at = lines.At(json, SchemaErrors.Offset(error, document));
            findings.Add(new Finding(SchemaErrors.ToDiagnostic(error, document, at, displayPath, misspelt?.Unknown.Name), FindingSource.Schema, error.Pointer));
        }

        foreach (var misspelling in misspellings.Where(m => !explained.Contains(m)))
        {
            var (line, column) = lines.At(json, document.OffsetOf(misspelling.Unknown));
            var diagnostic = DiagnosticCatalog.PropertyNotAllowed.At(displayPath, line, column,
                $"{InstancePath.Display(InstancePath.Segments(misspelling.Owner))} has the unknown property '{misspelling.Unknown.Name}'; did you mean '{misspelling.Known}'?",
                $"rename it to '{misspelling.Known}'; unknown properties are kept but not read").WithSeverity(Severity.Warning);
            findings.Add(new Finding(diagnostic, FindingSource.Advice, InstancePath.Pointer(InstancePath.Segments(misspelling.Unknown))));
        }

        return findings;
    }
}
