using System.Text.Json;
using Json.Schema;

namespace SessionHooks.Tests.Validation;

/// <summary>What a validator concluded about one document.</summary>
/// <param name="Refused">The document was not read as JSON at all.</param>
/// <param name="Pointers">The JSON Pointers of the values that fail (for a missing property, the object lacking it); empty when valid.</param>
/// <param name="Unjudged">Why the validator could give no verdict (it threw), or null.</param>
public sealed record Verdict(bool Refused, IReadOnlyList<string> Pointers, string? Unjudged = null)
{
    public static Verdict NotJson { get; } = new(true, []);

    public bool Valid => !Refused && Pointers.Count == 0;

    public override string ToString() => Refused ? "not JSON" : Valid ? "valid" : "invalid at " + string.Join(", ", Pointers.Select(p => p.Length == 0 ? "(root)" : p));
}

/// <summary>
/// JsonSchema.Net 8.0.5, a draft-07 validator SessionHooks shares no code with, over the same
/// schema files: the oracle. The schemas are built once, core.schema.json first, as the files
/// of one folder, so their relative <c>$id</c>s and <c>$ref</c>s resolve as they do for editors.
/// </summary>
public sealed class Draft07Oracle
{
    private static readonly Uri Folder = new("file:///sessionhooks/schemas/");

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private readonly Dictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);

    /// <param name="documents">Schema texts by file name, each after the files it refers to.</param>
    public Draft07Oracle(IEnumerable<(string Name, string Text)> documents)
    {
        var build = new BuildOptions { Dialect = Dialect.Draft07, SchemaRegistry = new SchemaRegistry() };
        foreach (var (name, text) in documents)
        {
            schemas[name] = JsonSchema.FromText(text, build, new Uri(Folder, name));
        }
    }

    /// <summary>The document judged against the schema of <paramref name="schemaFile"/>; a byte order mark is skipped, as RFC 8259 lets a parser do.</summary>
    public Verdict Judge(string schemaFile, byte[] bytes)
    {
        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return Verdict.NotJson;
        }

        using (document)
        {
            EvaluationResults results;
            try
            {
                results = schemas[schemaFile].Evaluate(document.RootElement, Options);
            }
            catch (InvalidOperationException)
            {
                // A string escaping half a surrogate pair parses, then cannot be read as text.
                return Verdict.NotJson;
            }
            catch (FormatException exception)
            {
                // JsonSchema.Net compares enum values through decimal, which a number such as 1e400 overflows.
                return new Verdict(false, [], $"JsonSchema.Net throws {exception.GetType().Name}: {exception.Message}");
            }

            if (results.IsValid)
            {
                return new Verdict(false, []);
            }

            var failing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var node in (results.Details ?? []).Prepend(results))
            {
                if (node.Errors is { Count: > 0 })
                {
                    failing.Add(node.InstanceLocation.ToString());
                }
            }

            return new Verdict(false, [.. failing]);
        }
    }
}
