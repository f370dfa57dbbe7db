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
    public void LegacyFile_IsValidatedAsMigrated_AgainstTheWholeFile()
    {
        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.Worklog, """{ "entries": [ { "type": "note", "time": "now" } ] }""", "w.json");

        Assert.That(diagnostics.Select(d => (d.Code, d.Line)), Is.EquivalentTo(new[] { ("SH2001", 0), ("SH2001", 0), ("SH2004", 0) }));
        Assert.That(diagnostics.Select(d => d.Message), Has.All.EndWith("(as migrated from format version 0)"));
    }

    [Test]
    public void CompleteLegacyFile_PassesValidation()
    {
        const string legacy = """
            { "entries": [ { "id": "20261121T090000Z-7k2m9qx4", "session": "20261121-k3f9q", "time": "2026-11-21T09:00:00Z", "type": "note" } ] }
            """;

        Assert.That(SchemaValidator.Shared.Validate(SessionFileKind.Worklog, legacy, "w.json"), Is.Empty);
    }
}
