using System.Text;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Formats;

public class FormatMigrationTests
{
    [Test]
    public void LegacySessions_KeyedById_WithMainTopic_AreReadAsVersionOne()
    {
        const string legacy = """
            {
              "knowledge_cache": ["README.md"],
              "sessions": {
                "20261120-a1b2c": { "branch": "main", "main_topic": "First", "type": "user", "status": "completed",
                                    "created": "2026-11-20T08:00:00Z", "last_updated": "2026-11-20T09:00:00Z", "mood": "calm" },
                "20261121-k3f9q": { "main_topic": "Second", "created": "2026-11-21T08:00:00Z", "last_updated": "2026-11-21T09:00:00Z" }
              }
            }
            """;

        var result = SessionFileParser.ParseAiSessions(Encoding.UTF8.GetBytes(legacy), "a.json");

        Assert.That(result.Diagnostics, Is.Empty);
        var sessions = result.Value!;
        Assert.That(sessions.SchemaVersion, Is.EqualTo(FormatVersion.Current));
        Assert.That(sessions.Sessions.Select(s => (s.Id, s.Title)), Is.EqualTo(new[] { ("20261120-a1b2c", "First"), ("20261121-k3f9q", "Second") }));
        Assert.That(sessions.Sessions[0].Status, Is.EqualTo(SessionStatus.Completed));
        var written = SessionJson.Serialize(sessions);
        Assert.That(written, Does.Contain("\"mood\": \"calm\"").And.Not.Contain("main_topic"));
        Assert.That(SchemaValidator.Shared.Validate(SessionFileKind.AiSessions, written, "a.json"), Is.Empty, written);
    }

    [Test]
    public void LegacyWorklog_WithTypeForKind_IsReadAsVersionOne()
    {
        const string legacy = """
            { "entries": [ { "id": "20261121T090000Z-7k2m9qx4", "session": "20261121-k3f9q", "time": "2026-11-21T09:00:00Z", "type": "decision", "text": "t" } ] }
            """;

        var result = SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(legacy), "w.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.Entries.Single().Kind, Is.EqualTo(WorklogKind.Decision));
        Assert.That(SessionJson.Serialize(result.Value), Does.Contain("\"kind\": \"decision\"").And.Not.Contain("\"type\""));
    }

    [Test]
    public void ExplicitVersionZero_IsMigrated()
    {
        var result = SessionFileParser.ParseWorklog("""{ "schema_version": 0, "entries": [] }"""u8, "w.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.SchemaVersion, Is.EqualTo(FormatVersion.Current));
    }

    [Test]
    public void FileWithoutVersion_ThatIsNotTheLegacyLayout_IsNotGuessedAt()
    {
        var result = SessionFileParser.ParseAiSessions("""{ "sessions": [] }"""u8, "a.json");

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("SH1011"));
    }

    [Test]
    public void LegacyFile_IsReportedAsNoFormatVersion_AndItsProblemsKeepTheirOwnLines()
    {
        const string legacy = """
            {
              "entries": [
                { "type": "note",
                  "time": "now" }
              ]
            }
            """;

        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.Worklog, legacy, "w.json");

        Assert.That(diagnostics.Select(d => (d.Code, d.Line, d.Column)), Is.EqualTo(new[]
        {
            ("SH1011", 1, 1), ("SH2001", 3, 5), ("SH2001", 3, 5), ("SH2001", 3, 5), ("SH2004", 4, 15),
        }), string.Join("\n", diagnostics.Select(d => d.Render())));
        Assert.That(diagnostics[0].Message, Does.StartWith("the file has no schema_version: it is in the layout from before format 1"));
    }

    [Test]
    public void CompleteLegacyFile_IsRead_ButFailsTheSchema_AsAnEditorSaysToo()
    {
        const string legacy = """
            { "entries": [ { "id": "20261121T090000Z-7k2m9qx4", "session": "20261121-k3f9q", "time": "2026-11-21T09:00:00Z", "type": "note" } ] }
            """;

        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.Worklog, legacy, "w.json");

        Assert.That(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(legacy), "w.json").Value!.Entries.Single().Kind, Is.EqualTo(WorklogKind.Note));
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SH1011", "SH2001" }));
        Assert.That(diagnostics[1].Message, Is.EqualTo("'entries[0]' lacks the required property 'kind'"));
    }

    [TestCase("\"schema_version\": 0", "SH1011", "schema_version 0 is not a format version")]
    [TestCase("\"schema_version\": 1", "SH1012", "the file is in format 1: SessionHooks reads it as it is and writes it in format 2")]
    [TestCase("\"schema_version\": 1.0", "SH1012", "the file is in format 1")]
    [TestCase("\"schema_version\": 2.0", null, null)]
    [TestCase("\"schema_version\": 3", "SH1010", "schema_version 3 is newer")]
    [TestCase("\"schema_version\": \"2\"", "SH1011", "schema_version is \"2\", not a format version")]
    public void EachFormatVersion_GetsOneLineAtTheVersion_AsThePolicySays(string version, string? code, string? message)
    {
        var text = "{\n  " + version + ",\n  \"entries\": []\n}\n";

        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.Worklog, text, "w.json");

        if (code is null)
        {
            Assert.That(diagnostics, Is.Empty);
            Assert.That(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json").Value!.SchemaVersion, Is.EqualTo(2));
            return;
        }

        var diagnostic = diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo((code, 2, 21)), diagnostic.Render());
        Assert.That(diagnostic.Message, Does.StartWith(message!));
    }

    [Test]
    public void VersionOneWrittenAsOnePointZero_IsReadAsVersionOne()
    {
        var result = SessionFileParser.ParseWorklog("""{ "schema_version": 1.0, "entries": [] }"""u8, "w.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.SchemaVersion, Is.EqualTo(FormatVersion.Current));
    }
}
