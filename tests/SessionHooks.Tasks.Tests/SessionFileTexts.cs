namespace SessionHooks.Tasks.Tests;

/// <summary>Session files as a repository holds them, with one known bad value where a test needs it.</summary>
public static class SessionFileTexts
{
    public const string EmptySessions = """
        {
          "schema_version": 2,
          "knowledge_cache": [],
          "context_notes": [],
          "sessions": []
        }

        """;

    /// <summary>Line 11, column 17 holds <c>"sleeping"</c>, not a status the schema allows (SH2003).</summary>
    public const string SessionsWithBadStatus = """
        {
          "schema_version": 2,
          "knowledge_cache": [],
          "context_notes": [],
          "sessions": [
            {
              "id": "20261121-k3f9q",
              "branch": "main",
              "title": "Build checks",
              "type": "development",
              "status": "sleeping",
              "created": "2026-11-21T09:00:00Z",
              "last_updated": "2026-11-21T09:00:00Z",
              "issues": [],
              "related_sessions": [],
              "knowledge_cache": [],
              "context_notes": [],
              "backlog": []
            }
          ]
        }

        """;

    /// <summary>ai_sessions.json registering the session 20261121-k3f9q, which <see cref="Worklog"/>'s entry names.</summary>
    public static string Sessions => SessionsWithBadStatus.Replace("\"sleeping\"", "\"active\"", StringComparison.Ordinal);

    /// <summary>The path of a worklog file of <paramref name="sessionId"/> (format 2), relative to the worktree root.</summary>
    public static string WorklogPath(string sessionId = "20261121-k3f9q", string chunk = "20261121T090000Z-7k2m9qx4") =>
        $".sessions/worklog/{sessionId}/{chunk}.json";

    /// <summary>A worklog file with one entry of session 20261121-k3f9q; its kind is at line 8, column 15 (SH2003 unless a known kind).</summary>
    public static string Worklog(string kind = "decision", string session = "20261121-k3f9q") => $$"""
        {
          "schema_version": 2,
          "entries": [
            {
              "id": "20261121T090000Z-7k2m9qx4",
              "session": "{{session}}",
              "time": "2026-11-21T09:00:00Z",
              "kind": "{{kind}}",
              "text": "validate the worklog files"
            }
          ]
        }

        """;

    public static string CurrentSession(string branch) => $$"""
        {
          "schema_version": 2,
          "metadata": {
            "session_id": "20261121-k3f9q",
            "session_start": "2026-11-21T09:00:00Z",
            "last_updated": "2026-11-21T09:00:00Z",
            "main_topic": "Build checks",
            "linked_issues": [],
            "environment": {
              "branch": "{{branch}}",
              "last_commit": null,
              "machine": "test"
            }
          },
          "context": {
            "active_files": [],
            "recent_changes": [],
            "pending_tasks": [],
            "decisions": []
          }
        }

        """;
}
