using NJsonSchema;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// SessionHooks reads the schema files itself: every keyword, reference and pattern it meets is
/// either implemented or refused by name. (That its verdicts equal an independent draft-07
/// validator's is <see cref="OracleTests"/>'s to show.)
/// </summary>
public class SchemaBuilderTests
{
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
    [TestCase("{\"$ref\": \"other.schema.json\"}", "'other.schema.json', in a file not given")]
    [TestCase("{\"$ref\": \"#/definitions/a~1b\"}", "only plain JSON Pointers")]
    [TestCase("{\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\", \"description\": \"d\"}}, \"definitions\": {\"x\": {}}}", "'description' beside '$ref'")]
    [TestCase("{\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\", \"type\": \"string\"}}, \"definitions\": {\"x\": {}}}", "'type' beside '$ref'")]
    [TestCase("{\"allOf\": [{\"type\": \"string\"}]}", "an allOf other than")]
    [TestCase("{\"allOf\": [{\"$ref\": \"#\"}, {\"$ref\": \"#\"}]}", "an allOf other than")]
    [TestCase("{\"allOf\": [{\"$ref\": \"#\"}], \"minLength\": 1}", "an allOf other than")]
    [TestCase("{\"properties\": {\"a\": {\"$id\": \"x\"}}}", "the keyword '$id' here")]
    [TestCase("{\"$id\": \"b.schema.json\"}", "the $id 'b.schema.json'")]
    [TestCase("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}", "the dialect")]
    [TestCase("{\"pattern\": \"(?<=a)b\"}", "a group '(?<'")]
    [TestCase("{\"pattern\": \"\\\\bword\"}", "the word boundary \\b")]
    [TestCase("{\"pattern\": \"(a)\\\\1\"}", "the escape \\1")]
    [TestCase("{\"pattern\": \"\\\\p{L}\"}", "the escape \\p")]
    [TestCase("{\"minLength\": -1}", "not a count")]
    [TestCase("{\"type\": [\"string\", \"null\"], \"enum\": [\"a\"]}", "an enum without null beside a type that allows null")]
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
    public void AFormatProblem_IsExplainedByTheSchemasErrorMessage_NotByItsPattern()
    {
        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.Worklog, """
            {"schema_version": 2, "entries": [{"id": "20261121T090000-k3f9q2mx", "session": "20261121-k3f9q", "time": "yesterday", "kind": "event"}]}
            """, "worklog.json");

        Assert.That(diagnostics.Select(d => d.Message), Has.One.EqualTo(
            "'entries[0].time' is \"yesterday\": expected a UTC timestamp: ISO 8601 with a Z suffix, such as 2026-11-21T19:52:03Z"));
    }
}
