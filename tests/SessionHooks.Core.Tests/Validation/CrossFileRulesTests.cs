using System.Text;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

public class CrossFileRulesTests
{
    private const string Sessions = """
        {
          "schema_version": 2,
          "knowledge_cache": [],
          "context_notes": [],
          "sessions": [
            { "id": "20261121-aaaaa", "title": "a", "created": "2026-11-21T09:00:00Z", "last_updated": "2026-11-21T09:00:00Z" },
            { "id": "20261121-bbbbb", "title": "b", "created": "2026-11-21T09:00:00Z", "last_updated": "2026-11-21T09:00:00Z" }
          ]
        }
        """;

    private const string Worklog = """
        {
          "schema_version": 2,
          "entries": [
            { "id": "20261121T090000Z-1111aaaa", "session": "20261121-aaaaa", "time": "2026-11-21T09:00:00Z", "kind": "note" },
            { "id": "20261121T090000Z-2222bbbb", "session": "20261121-bbbbb", "time": "2026-11-21T09:00:00Z", "kind": "note" }
          ]
        }
        """;

    private const string Current = """
        {
          "schema_version": 2,
          "metadata": {
            "session_id": "20261121-aaaaa",
            "session_start": "2026-11-21T09:00:00Z", "last_updated": "2026-11-21T09:00:00Z", "main_topic": "a", "linked_issues": [],
            "environment": { "machine": "m" }
          },
          "context": { "active_files": [], "recent_changes": [], "pending_tasks": [], "decisions": [] }
        }
        """;

    [Test]
    public void ConsistentFiles_BreakNoRule() =>
        Assert.That(CrossFileRules.Check(Set(Sessions, Worklog, Current)), Is.Empty);

    [Test]
    public void DuplicateSessionId_IsReportedAtTheSecondId_NamingTheFirstsLine()
    {
        var sessions = Sessions.Replace("20261121-bbbbb\", \"title", "20261121-aaaaa\", \"title", StringComparison.Ordinal);

        var diagnostic = CrossFileRules.Check(Set(sessions, null, null)).Single();

        Assert.That(diagnostic.Render(), Does.StartWith("a.json(7,13): error SH3001: the session id '20261121-aaaaa' is already used by the session at line 6"));
    }

    [Test]
    public void DuplicateEntryId_IsReportedAtTheSecondId()
    {
        var worklog = Worklog.Replace("2222bbbb", "1111aaaa", StringComparison.Ordinal);

        var diagnostic = CrossFileRules.Check(Set(null, worklog, null)).Single();

        Assert.That((diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH3002", "w.json", 5, 13)));
    }

    [Test]
    public void EntryOfAnUnknownSession_IsReportedOncePerSession_AtItsFirstEntry()
    {
        var worklog = Worklog.Replace("\"20261121-bbbbb\"", "\"20261121-zzzzz\"", StringComparison.Ordinal)
            .Replace("\"20261121-aaaaa\"", "\"20261121-zzzzz\"", StringComparison.Ordinal);

        var diagnostic = CrossFileRules.Check(Set(Sessions, worklog, null)).Single();

        Assert.That(diagnostic.Render(), Does.StartWith("w.json(4,53): error SH3003: the session '20261121-zzzzz' is not in a.json (2 entries name it)"));
    }

    [Test]
    public void CurrentSessionNotRegistered_IsReportedAtItsId()
    {
        var current = Current.Replace("20261121-aaaaa", "20261121-ccccc", StringComparison.Ordinal);

        var diagnostic = CrossFileRules.Check(Set(Sessions, Worklog, current)).Single();

        Assert.That((diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH3004", "c.json", 4, 19)));
    }

    [Test]
    public void CurrentSessionNotRegistered_IsAllowed_WhenTheRuleIsOff()
    {
        var current = Current.Replace("20261121-aaaaa", "20261121-ccccc", StringComparison.Ordinal);

        var diagnostics = CrossFileRules.Check(Set(Sessions, Worklog, current), new CrossFileRuleOptions { RequireCurrentSessionRegistered = false });

        Assert.That(diagnostics, Is.Empty);
    }

    private static SessionFileSet Set(string? sessions, string? worklog, string? current) => new(
        sessions is null ? null : new SessionDocument<AiSessions>(SessionJson.ReadAiSessions(sessions), Encoding.UTF8.GetBytes(sessions), "a.json"),
        worklog is null ? null : [new SessionDocument<Worklog>(SessionJson.ReadWorklog(worklog), Encoding.UTF8.GetBytes(worklog), "w.json")],
        current is null ? null : new SessionDocument<CurrentSession>(SessionJson.ReadCurrentSession(current), Encoding.UTF8.GetBytes(current), "c.json"));
}
