using System.Text.Json.Nodes;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

public class SchemaExampleTests
{
    [TestCaseSource(typeof(SchemaExamples), nameof(SchemaExamples.Valid))]
    public void ValidExample_HasNoDiagnostics(SessionFileKind kind, string file)
    {
        var diagnostics = SchemaValidator.Shared.Validate(kind, File.ReadAllText(file), file);

        Assert.That(diagnostics.Select(d => d.Render()), Is.Empty);
    }

    [TestCaseSource(typeof(SchemaExamples), nameof(SchemaExamples.Valid))]
    public void ValidExample_RoundTripsThroughTheModelWithoutLosingFields(SessionFileKind kind, string file)
    {
        var text = File.ReadAllText(file);

        var written = kind switch
        {
            SessionFileKind.AiSessions => SessionJson.Serialize(SessionJson.ReadAiSessions(text)),
            SessionFileKind.Worklog => SessionJson.Serialize(SessionJson.ReadWorklog(text)),
            SessionFileKind.CurrentSession => SessionJson.Serialize(SessionJson.ReadCurrentSession(text)),
            _ => SessionJson.Serialize(SessionJson.ReadConfig(text)),
        };

        AssertContains(JsonNode.Parse(written), JsonNode.Parse(text), "$");
        Assert.That(SchemaValidator.Shared.Validate(kind, written, "written.json"), Is.Empty, written);
    }

    [TestCaseSource(typeof(SchemaExamples), nameof(SchemaExamples.Invalid))]
    public void InvalidExample_ReportsItsProblemAtTheOffendingValue(SessionFileKind kind, string file, string code, int line, int column, string severity)
    {
        var diagnostics = SchemaValidator.Shared.Validate(kind, File.ReadAllText(file), "example.json");

        Assert.That(diagnostics, Has.Count.EqualTo(1), string.Join("\n", diagnostics.Select(d => d.Render())));
        var diagnostic = diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(code), diagnostic.Render());
            Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((line, column)), diagnostic.Render());
            Assert.That(diagnostic.Severity, Is.EqualTo(severity == "warning" ? Severity.Warning : Severity.Error));
            Assert.That(diagnostic.Render(), Does.StartWith($"example.json({line},{column}): {severity} {code}: ").And.Not.Contain("\n"));
        });
    }

    [Test]
    public void EveryExampleFolder_HasValidAndInvalidExamples_AndEveryInvalidFileIsDeclared()
    {
        foreach (var kind in Enum.GetValues<SessionFileKind>())
        {
            var folder = Path.Combine(SchemaExamples.Folder, SchemaExamples.KindFolder(kind));
            var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "invalid", "expected.json")))!.AsObject().Select(p => p.Key);
            var files = Directory.GetFiles(Path.Combine(folder, "invalid"), "*.json").Select(Path.GetFileName).Where(f => f != "expected.json");

            Assert.That(Directory.GetFiles(Path.Combine(folder, "valid"), "*.json"), Is.Not.Empty, kind.ToString());
            Assert.That(files, Is.EquivalentTo(declared), kind.ToString());
        }
    }

    /// <summary>Every value of <paramref name="original"/> is in <paramref name="written"/>; nulls may be left out, as the writer does.</summary>
    private static void AssertContains(JsonNode? written, JsonNode? original, string path)
    {
        switch (original)
        {
            case JsonObject expected:
                Assert.That(written, Is.InstanceOf<JsonObject>(), path);
                foreach (var (name, value) in expected)
                {
                    var actual = written!.AsObject()[name];
                    if (value is null)
                    {
                        Assert.That(actual, Is.Null, $"{path}.{name}");
                        continue;
                    }

                    Assert.That(written.AsObject().ContainsKey(name), Is.True, $"{path}.{name} was lost");
                    AssertContains(actual, value, $"{path}.{name}");
                }

                break;
            case JsonArray expected:
                Assert.That(written, Is.InstanceOf<JsonArray>().And.Count.EqualTo(expected.Count), path);
                for (var i = 0; i < expected.Count; i++)
                {
                    AssertContains(written!.AsArray()[i], expected[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.That(JsonNode.DeepEquals(written, original), Is.True, $"{path}: {written?.ToJsonString()} != {original?.ToJsonString()}");
                break;
        }
    }
}
