using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Records;
using SessionHooks.Testing;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// <c>ai_sessions.json</c> checked session by session gives "nothing to report" only when the whole
/// file's check does (and for every file SessionHooks reads as sound that it does), and whatever it
/// gives, it gives the whole file's diagnostics.
/// </summary>
public class RegistryByPartsTests
{
    private const SessionFileKind Kind = SessionFileKind.AiSessions;
    private const string SessionKey = "ai_sessions.json/sessions[] ";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public void EveryMutationOfTheValidExamples_GetsTheWholeFilesVerdict_WithEachSessionRemembered()
    {
        var gitDir = TempRepository.Create().GitDir();
        var judged = 0;
        var byParts = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(SchemaExamples.Folder, "ai_sessions", "valid"), "*.json").Order(StringComparer.Ordinal))
        {
            var original = JsonNode.Parse(File.ReadAllText(file))!;
            var originalBytes = Encoding.UTF8.GetBytes(original.ToJsonString(Indented));
            Assert.That(RegistryByParts.NothingToReport(originalBytes, ValidationCache.Open(gitDir), "f.json"), Is.True, file);

            foreach (var (what, mutant) in Mutations.Of(original))
            {
                var bytes = Encoding.UTF8.GetBytes(mutant.ToJsonString(Indented));
                var whole = Lines(SchemaValidator.Shared.Validate(Kind, bytes, "f.json", SessionFileParser.DefaultMaxBytes));
                var passed = RegistryByParts.NothingToReport(bytes, ValidationCache.Open(gitDir), "f.json");
                Assert.That(passed, Is.EqualTo(whole.Count == 0 && SessionFileParser.LooksSound(bytes, SessionFileParser.DefaultMaxBytes)),
                    $"{Path.GetFileName(file)}, {what}: {string.Join("\n", whole)}");
                Assert.That(Lines(ValidationCache.Open(gitDir).Validate(Kind, $"blob-{judged}", bytes, "f.json")), Is.EqualTo(whole), what);
                judged++;
                byParts += passed ? 1 : 0;
            }
        }

        TestContext.Out.WriteLine($"{judged} mutations, {byParts} with nothing to report");
        Assert.That(judged, Is.GreaterThan(1000));
        Assert.That(byParts, Is.GreaterThan(50).And.LessThan(judged / 2), "both verdicts are asked for often");
    }

    [Test]
    public void TheInvalidExamples_GoToTheWholeFile_AndGetItsDiagnostics()
    {
        var gitDir = TempRepository.Create().GitDir();
        foreach (var file in Directory.GetFiles(Path.Combine(SchemaExamples.Folder, "ai_sessions", "invalid"), "*.json").Where(f => !f.EndsWith("expected.json", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            var whole = Lines(SchemaValidator.Shared.Validate(Kind, bytes, "f.json", SessionFileParser.DefaultMaxBytes));

            Assert.That(RegistryByParts.NothingToReport(bytes, ValidationCache.Open(gitDir), "f.json"), Is.False, file);
            Assert.That(Lines(ValidationCache.Open(gitDir).Validate(Kind, Path.GetFileName(file), bytes, "f.json")), Is.EqualTo(whole), file);
        }
    }

    [Test]
    public void ABrokenSession_AmongRememberedOnes_IsReportedAtItsLineInTheFile()
    {
        var gitDir = TempRepository.Create().GitDir();
        var text = Registry(40);
        Assert.That(ValidationCache.Open(gitDir).Validate(Kind, "blob-1", Encoding.UTF8.GetBytes(text), "r.json"), Is.Empty);
        Assert.That(File.ReadAllLines(CacheFile(gitDir)).Count(l => l.StartsWith(SessionKey, StringComparison.Ordinal)), Is.EqualTo(40), "each session remembered");

        var broken = text.Replace("\"title\": \"session 31\"", "\"title\": 31", StringComparison.Ordinal);
        var line = broken[..broken.IndexOf("\"title\": 31", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var found = ValidationCache.Open(gitDir).Validate(Kind, "blob-2", Encoding.UTF8.GetBytes(broken), "r.json");

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That((found[0].File, found[0].Line, found[0].Message), Is.EqualTo(("r.json", line, found[0].Message)));
        Assert.That(found[0].Message, Does.Contain("sessions[31].title"));
    }

    [Test]
    public void OneChangedSession_IsTheOnlyOneChecked_AndRemembered()
    {
        var gitDir = TempRepository.Create().GitDir();
        var text = Registry(20);
        ValidationCache.Open(gitDir).Validate(Kind, "blob-1", Encoding.UTF8.GetBytes(text), "r.json");
        var before = File.ReadAllLines(CacheFile(gitDir));

        var edited = text.Replace("\"title\": \"session 7\"", "\"title\": \"session seven\"", StringComparison.Ordinal);
        Assert.That(ValidationCache.Open(gitDir).Validate(Kind, "blob-2", Encoding.UTF8.GetBytes(edited), "r.json"), Is.Empty);

        var added = File.ReadAllLines(CacheFile(gitDir)).Except(before).ToList();
        Assert.That(added, Has.Count.EqualTo(2), string.Join("\n", added));
        Assert.That(added, Has.One.StartsWith(SessionKey).And.One.EqualTo("ai_sessions.json blob-2"));
    }

    [Test]
    public void AFullCache_StartsOverWithTheSessionsInUse()
    {
        var gitDir = TempRepository.Create().GitDir();
        var text = Registry(5);
        ValidationCache.Open(gitDir).Validate(Kind, "blob-1", Encoding.UTF8.GetBytes(text), "r.json");
        File.AppendAllText(CacheFile(gitDir), string.Concat(Enumerable.Range(0, 12_000).Select(i => $"{SessionKey}{i:x64}\n")));

        var edited = text.Replace("\"title\": \"session 2\"", "\"title\": \"session two\"", StringComparison.Ordinal);
        Assert.That(ValidationCache.Open(gitDir).Validate(Kind, "blob-2", Encoding.UTF8.GetBytes(edited), "r.json"), Is.Empty);

        var lines = File.ReadAllLines(CacheFile(gitDir));
        Assert.That(lines.Count(l => l.StartsWith(SessionKey, StringComparison.Ordinal)), Is.EqualTo(5), "the full file started over");
        Assert.That(RegistryByParts.NothingToReport(Encoding.UTF8.GetBytes(edited), ValidationCache.Open(gitDir), "r.json"), Is.True);
        Assert.That(File.ReadAllLines(CacheFile(gitDir)), Is.EqualTo(lines), "nothing new to remember");
    }

    [TestCaseSource(nameof(BrokenBelowTheSchema))]
    public void AFileBrokenBelowTheSchema_GetsTheWholeFilesDiagnostics(string what, byte[] bytes)
    {
        var gitDir = TempRepository.Create().GitDir();
        Assert.That(ValidationCache.Open(gitDir).Validate(Kind, "valid", Encoding.UTF8.GetBytes(Registry(3)), "r.json"), Is.Empty);
        var whole = Lines(SchemaValidator.Shared.Validate(Kind, bytes, "r.json", SessionFileParser.DefaultMaxBytes));

        var passed = RegistryByParts.NothingToReport(bytes, ValidationCache.Open(gitDir), "r.json");
        Assert.That(passed, whole.Count == 0 ? Is.True.Or.False : Is.False, string.Join("\n", whole));
        Assert.That(Lines(ValidationCache.Open(gitDir).Validate(Kind, "broken", bytes, "r.json")), Is.EqualTo(whole));
    }

    private static IEnumerable<TestCaseData> BrokenBelowTheSchema()
    {
        var text = Registry(3);
        var title = "\"title\": \"session 1\"";
        TestCaseData Case(string what, byte[] bytes) => new TestCaseData(what, bytes).SetArgDisplayNames(what);
        TestCaseData Text(string what, string broken) => Case(what, Encoding.UTF8.GetBytes(broken));
        byte[] WithByte(byte value)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            bytes[Encoding.UTF8.GetBytes(text[..text.IndexOf(title, StringComparison.Ordinal)]).Length + 10] = value;
            return bytes;
        }

        yield return Case("a byte order mark", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
        yield return Case("a byte that is not UTF-8 in a session", WithByte(0xFF));
        yield return Text("half a surrogate pair in a session", text.Replace(title, "\"title\": \"\\ud800\"", StringComparison.Ordinal));
        yield return Text("a conflict marker", text.Replace(title, "<<<<<<< ours\n" + title, StringComparison.Ordinal));
        foreach (var depth in new[] { 60, 61, 62, 63 })
        {
            yield return Text($"{depth} arrays nested in a session", text.Replace(title, $"\"title\": \"t\", \"deep\": {new string('[', depth)}{new string(']', depth)}", StringComparison.Ordinal));
        }

        yield return Text("text after the object", text + "x");
        yield return Text("cut short", text[..(text.Length / 2)]);
        yield return Text("format version 1", text.Replace("\"schema_version\": 2", "\"schema_version\": 1", StringComparison.Ordinal));
        yield return Text("format version 2.0", text.Replace("\"schema_version\": 2", "\"schema_version\": 2.0", StringComparison.Ordinal));
        yield return Text("a name twice in a session", text.Replace(title, title + ", \"title\": \"again\"", StringComparison.Ordinal));
        yield return Text("a name twice in the file", text.Replace("\"context_notes\": []", "\"context_notes\": [], \"context_notes\": []", StringComparison.Ordinal));
        yield return Text("two sessions arrays", text.Replace("\"context_notes\": []", "\"context_notes\": [], \"sessions\": []", StringComparison.Ordinal));
        yield return Text("a misspelt name in a session", text.Replace(title, "\"titel\": \"session 1\"", StringComparison.Ordinal));
        yield return Text("an escaped name", text.Replace("\"sessions\":", "\"sessi\\u006fns\":", StringComparison.Ordinal));
    }

    [Test]
    public void ARegistryOfMoreSessionsThanTheCacheHolds_IsCheckedWhole()
    {
        var gitDir = TempRepository.Create().GitDir();
        var bytes = Encoding.UTF8.GetBytes(Registry(ValidationCache.MaxParts + 1));

        Assert.That(RegistryByParts.NothingToReport(bytes, ValidationCache.Open(gitDir), "r.json"), Is.False);
        Assert.That(ValidationCache.Open(gitDir).Validate(Kind, "blob-1", bytes, "r.json"), Is.Empty);
        Assert.That(File.ReadAllLines(CacheFile(gitDir)).Count(l => l.StartsWith(SessionKey, StringComparison.Ordinal)), Is.Zero);
    }

    [Test]
    public void ASchemaWithAnEnumOfWholeFiles_IsNotCheckedByParts()
    {
        // The skeleton and each session could pass while the file is none of the enum's values.
        var schema = JsonNode.Parse(SchemaSet.Resource("ai_sessions.schema.json"))!.AsObject();
        schema["enum"] = JsonNode.Parse("""[{ "schema_version": 2, "knowledge_cache": [], "context_notes": [], "sessions": [] }]""");
        var documents = new Dictionary<string, string> { ["ai_sessions.schema.json"] = schema.ToJsonString(), ["core.schema.json"] = SchemaSet.Resource("core.schema.json") };
        var validator = new SchemaValidator(new Dictionary<SessionFileKind, Lazy<NJsonSchema.JsonSchema>>
        {
            [Kind] = new(() => SchemaBuilder.Build("ai_sessions.schema.json", documents)),
        });

        Assert.That(validator.Validate(Kind, Registry(1), "r.json"), Is.Not.Empty, "the whole file is none of the enum's values");
        Assert.That(validator.ItemSchema(Kind, "sessions"), Is.Null);
    }

    [TestCase("""{ "sessions": [] }""", 0)]
    [TestCase("""{ "sessi\u006fns": [ {"a": 1}, 2, "x" , [ ] ], "z": {"sessions": 1} }""", 4)]
    public void Split_EmptiesTheSessionsArray_AndFindsEachItem(string json, int count)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var (skeleton, items) = RegistryByParts.Split(bytes)!.Value;

        Assert.That(items, Has.Count.EqualTo(count));
        var open = json.IndexOf('[', StringComparison.Ordinal);
        var close = json.IndexOf(']', json.LastIndexOf("[ ]", StringComparison.Ordinal) is var inner and > 0 ? inner + 3 : open);
        Assert.That(Encoding.UTF8.GetString(skeleton), Is.EqualTo(json[..(open + 1)] + json[close..]));
        Assert.That(items.Select(r => Encoding.UTF8.GetString(bytes[r])), Is.EqualTo(count == 0 ? Array.Empty<string>() : ["{\"a\": 1}", "2", "\"x\"", "[ ]"]));
    }

    [TestCase("""{ "sessions": [], "sessions": [] }""")]
    [TestCase("""{ "sessions": {} }""")]
    [TestCase("""{ "other": [] }""")]
    [TestCase("""[ { "sessions": [] } ]""")]
    [TestCase("""{ "sessions": [] } {}""")]
    public void Split_LeavesToTheWholeFile_AnythingButOneSessionsArray(string json) =>
        Assert.That(RegistryByParts.Split(Encoding.UTF8.GetBytes(json)), Is.Null);

    [Test]
    public void TheShippedSchema_AsksNothingOfTheSessionsArrayButItsItems()
    {
        Assert.That(SchemaValidator.Shared.ItemSchema(Kind, "sessions"), Is.Not.Null);
        Assert.That(SchemaValidator.Shared.ItemSchema(SessionFileKind.Config, "secret_patterns"), Is.Null, "maxItems is asked of the array");
        Assert.That(SchemaValidator.Shared.ItemSchema(Kind, "schema_version"), Is.Null, "not an array");
        Assert.That(SchemaValidator.Shared.ItemSchema(Kind, "no_such_property"), Is.Null);
    }

    private static List<string> Lines(IEnumerable<SessionHooks.Diagnostics.Diagnostic> diagnostics) => [.. diagnostics.Select(d => d.ToString())];

    private static string CacheFile(string gitDir) => Path.Combine(gitDir, "sessionhooks", "validated-blobs");

    private static string Registry(int sessions) => JsonSerializer.Serialize(new JsonObject
    {
        ["schema_version"] = 2,
        ["knowledge_cache"] = new JsonArray(),
        ["context_notes"] = new JsonArray(),
        ["sessions"] = new JsonArray([.. Enumerable.Range(0, sessions).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"20261121-{i:00000}",
            ["title"] = $"session {i}",
            ["type"] = "development",
            ["status"] = "active",
            ["created"] = "2026-11-21T09:00:00Z",
            ["last_updated"] = "2026-11-21T09:00:00Z",
            ["branch"] = "main",
            ["issues"] = new JsonArray(),
            ["related_sessions"] = new JsonArray(),
            ["knowledge_cache"] = new JsonArray(),
            ["context_notes"] = new JsonArray(),
            ["backlog"] = new JsonArray(),
        })]),
    }, Indented);
}
