using System.Text.Json;
using System.Text.RegularExpressions;
using SessionHooks.Records;

namespace SessionHooks.Tests.Formats;

public class SnakeCaseEnumConverterTests
{
    [Test]
    public void EveryEnumInTheFiles_HasTheNamesItsSchemaAllows()
    {
        var schemas = Path.Combine(Path.GetDirectoryName(SessionHooks.Tests.Validation.SchemaExamples.Folder)!);
        var allowed = Directory.GetFiles(schemas, "*.schema.json")
            .SelectMany(path => Regex.Matches(File.ReadAllText(path), "\"enum\": \\[([^\\]]*)\\]").Select(m => m.Groups[1].Value))
            .Select(list => list.Split(',').Select(n => n.Trim().Trim('"')).Order().ToArray())
            .ToList();
        foreach (var names in new[]
        {
            Names<SessionType>(), Names<SessionStatus>(), Names<Priority>(), Names<BacklogKind>(),
            Names<ChangeKind>(), Names<WorklogKind>(), Names<RuleLevel>(),
        })
        {
            Assert.That(allowed, Has.Some.EqualTo(names.Order().ToArray()), $"no schema enum lists {string.Join(", ", names)}");
        }
    }

    [TestCase("\"type_changed\"", ChangeKind.TypeChanged)]
    [TestCase("\"Renamed\"", ChangeKind.Renamed)]
    [TestCase("3", ChangeKind.Renamed)]
    public void Read_TakesTheNameInAnyCaseOrTheNumber(string json, ChangeKind expected) =>
        Assert.That(JsonSerializer.Deserialize(json, SessionJson.Options.GetTypeInfo(typeof(ChangeKind))), Is.EqualTo(expected));

    [Test]
    public void Read_OfAnUnknownName_SaysWhichNamesAreAllowed()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"finished\"", SessionJson.Options.GetTypeInfo(typeof(SessionStatus))));
        Assert.That(error!.Message, Does.StartWith("expected one of: active, handoff, completed, abandoned"));
    }

    [Test]
    public void Write_UsesTheSnakeCaseName() =>
        Assert.That(JsonSerializer.Serialize(ChangeKind.TypeChanged, SessionJson.Options.GetTypeInfo(typeof(ChangeKind))), Is.EqualTo("\"type_changed\""));

    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => EnumNames.Of(v))];
}
