using System.Text.Json.Nodes;
using NJsonSchema;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// The schemas SessionHooks builds itself must judge every file exactly as NJsonSchema's own
/// reader of the same schema files would: both validate the examples, the malformed corpus and
/// hundreds of mutations of the valid examples, and must give the same diagnostics.
/// </summary>
public class SchemaBuilderTests
{
    private const string Core = "core.schema.json";

    private static readonly Lazy<SchemaValidator> Built = new(() => new SchemaValidator(SchemaSet.Load()));

    private static readonly Lazy<SchemaValidator> ReadByNJsonSchema = new(() => new SchemaValidator(
        Enum.GetValues<SessionFileKind>().ToDictionary(k => k, k => new Lazy<JsonSchema>(() => ReadWithNJsonSchema(k.SchemaName())))));

    private static readonly JsonNode?[] Replacements = [JsonValue.Create(123), JsonValue.Create(-1.5), JsonValue.Create("x"), JsonValue.Create(""), null, JsonValue.Create(true), new JsonArray(), new JsonObject()];

    [Test]
    public void EverySchema_Builds()
    {
        foreach (var (kind, schema) in SchemaSet.Load())
        {
            Assert.That(schema.Value.ActualProperties, Does.ContainKey("schema_version"), kind.ToString());
        }
    }

    [TestCase("{\"oneOf\": []}", "the keyword 'oneOf'")]
    [TestCase("{\"type\": \"date\"}", "the type 'date'")]
    [TestCase("{\"$ref\": \"#/definitions/missing\"}", "'a.schema.json#/definitions/missing', which is not there")]
    [TestCase("{\"$ref\": \"other.schema.json#/definitions/x\"}", "'other.schema.json#/definitions/x', in a file not given")]
    public void AKeywordOrReferenceItDoesNotKnow_StopsTheBuild_NamingIt(string schema, string named)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => SchemaBuilder.Build("a.schema.json", new Dictionary<string, string> { ["a.schema.json"] = schema }));

        Assert.That(exception!.Message, Does.Contain(named).And.StartWith("a.schema.json: "));
    }

    [Test]
    public void ReferencesToOneDefinition_ShareOneSchema_AndACycleEnds()
    {
        var schema = SchemaBuilder.Build("a.schema.json", new Dictionary<string, string>
        {
            ["a.schema.json"] = """
                {"type": "object", "properties": {"x": {"$ref": "#/definitions/node"}, "y": {"$ref": "#/definitions/node"}},
                 "definitions": {"node": {"type": "object", "properties": {"next": {"$ref": "#/definitions/node"}}}}}
                """,
        });

        var node = schema.Properties["x"].ActualSchema;
        Assert.That(schema.Properties["y"].ActualSchema, Is.SameAs(node));
        Assert.That(node.Properties["next"].ActualSchema, Is.SameAs(node));
        Assert.That(schema.Definitions["node"], Is.SameAs(node));
    }

    [Test]
    public void AFormatHint_ShowsTheSchemasExampleAsItIsWritten()
    {
        var diagnostics = Built.Value.Validate(SessionFileKind.Worklog, """
            {"schema_version": 1, "entries": [{"id": "20261121T090000-k3f9q2mx", "session": "20261121-k3f9q", "time": "yesterday", "kind": "event"}]}
            """, "worklog.json");

        Assert.That(diagnostics.Select(d => d.Message), Has.One.Contains("which is not a UTC timestamp (e.g. 2026-11-21T19:52:03Z)"));
    }

    [TestCaseSource(nameof(Kinds))]
    public void TheExamplesAndTheCorpus_GetTheSameDiagnostics_AsFromNJsonSchemasReader(SessionFileKind kind)
    {
        var folder = SchemaExamples.KindFolder(kind);
        var files = new[] { "valid", "invalid" }
            .SelectMany(sub => Directory.GetFiles(Path.Combine(SchemaExamples.Folder, folder, sub), "*.json"))
            .Concat(Directory.GetFiles(Path.Combine(SchemaExamples.Folder, "..", "..", "tests", "corpus", folder), "*.json"))
            .Where(f => Path.GetFileName(f) != "expected.json")
            .ToList();

        Assert.That(files, Has.Count.GreaterThan(10));
        foreach (var file in files)
        {
            AssertSameDiagnostics(kind, File.ReadAllBytes(file), file);
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void MutationsOfTheValidExamples_GetTheSameDiagnostics_AsFromNJsonSchemasReader(SessionFileKind kind)
    {
        var mutations = 0;
        var rejected = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(SchemaExamples.Folder, SchemaExamples.KindFolder(kind), "valid"), "*.json"))
        {
            foreach (var mutant in Mutants(JsonNode.Parse(File.ReadAllText(file))!))
            {
                mutations++;
                var text = mutant.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                if (AssertSameDiagnostics(kind, System.Text.Encoding.UTF8.GetBytes(text), $"{file} mutated:\n{text}") > 0)
                {
                    rejected++;
                }
            }
        }

        TestContext.Out.WriteLine($"{kind}: {mutations} mutations, {rejected} rejected by both");
        Assert.That(rejected, Is.GreaterThan(mutations / 3), "many mutations break the schema, so the comparison covers its rules");
    }

    private static SessionFileKind[] Kinds() => Enum.GetValues<SessionFileKind>();

    private static int AssertSameDiagnostics(SessionFileKind kind, byte[] bytes, string what)
    {
        var built = Built.Value.Validate(kind, bytes, "f.json", SessionFileParser.DefaultMaxBytes).Select(d => WithoutExample(d.Render())).ToList();
        var read = ReadByNJsonSchema.Value.Validate(kind, bytes, "f.json", SessionFileParser.DefaultMaxBytes).Select(d => WithoutExample(d.Render())).ToList();
        Assert.That(built, Is.EqualTo(read), what);
        return built.Count;
    }

    // NJsonSchema's reader turns an example that looks like a date into a DateTime, printed in the
    // culture's format ("11/21/2026 19:52:03"); the builder keeps the text. Compared without it.
    private static string WithoutExample(string rendered) =>
        System.Text.RegularExpressions.Regex.Replace(rendered, @" \(e\.g\. [^)]*\)", "");

    /// <summary>Each value removed, replaced by a value of every other JSON type, and each object given a stray and a misspelt property.</summary>
    private static IEnumerable<JsonNode> Mutants(JsonNode root)
    {
        var places = new List<(string Path, Action<JsonNode> Remove, Action<JsonNode, JsonNode?> Replace)>();
        Collect(root, places);
        foreach (var (_, remove, replace) in places)
        {
            var removed = root.DeepClone();
            remove(removed);
            yield return removed;
            foreach (var replacement in Replacements)
            {
                var replaced = root.DeepClone();
                replace(replaced, replacement?.DeepClone());
                yield return replaced;
            }
        }
    }

    private static void Collect(JsonNode node, List<(string, Action<JsonNode>, Action<JsonNode, JsonNode?>)> places, string path = "")
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                var here = path + "/" + name;
                places.Add((here, r => Parent(r, path).AsObject().Remove(name), (r, v) => Parent(r, path).AsObject()[name] = v));
                if (name.Length > 3)
                {
                    var misspelt = name[1..2] + name[..1] + name[2..];
                    places.Add((here + "~", r => Rename(Parent(r, path).AsObject(), name, misspelt), (r, v) => Parent(r, path).AsObject()["stray_" + name] = v));
                }

                if (value is not null)
                {
                    Collect(value, places, here);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var index = i;
                places.Add((path + "/" + i, r => Parent(r, path).AsArray().RemoveAt(index), (r, v) => Parent(r, path).AsArray()[index] = v));
                if (array[i] is { } item)
                {
                    Collect(item, places, path + "/" + i);
                }
            }
        }
    }

    private static void Rename(JsonObject obj, string from, string to)
    {
        var value = obj[from];
        obj.Remove(from);
        obj[to] = value;
    }

    private static JsonNode Parent(JsonNode root, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(root, (node, segment) => node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!);

    /// <summary>The schema as NJsonSchema's own reader builds it, with its references into core.schema.json resolved: the oracle.</summary>
    private static JsonSchema ReadWithNJsonSchema(string name)
    {
        const string folder = "/sessionhooks/schemas/";
        var core = JsonSchema.FromJsonAsync(SchemaText.Of(Core), folder + Core).GetAwaiter().GetResult();
        return JsonSchema.FromJsonAsync(SchemaText.Of(name), folder + name, schema =>
        {
            var resolver = new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));
            resolver.AddDocumentReference(folder + Core, core);
            return resolver;
        }).GetAwaiter().GetResult();
    }
}
