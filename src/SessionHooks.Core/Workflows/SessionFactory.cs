using SessionHooks.Records;
using SessionHooks.Ids;

namespace SessionHooks.Workflows;

/// <summary>Makes new sessions and keeps the current-session record and the registry in agreement.</summary>
internal static class SessionFactory
{
    public static CurrentSession NewCurrent(string? branch, string? headCommit, DateTimeOffset now) => new()
    {
        Schema = SessionFileKind.CurrentSession.SchemaReference(),
        Metadata = new CurrentSessionMetadata
        {
            SessionId = SessionId.New(now),
            SessionStart = now,
            LastUpdated = now,
            MainTopic = branch is null ? "Work on a detached HEAD" : $"Work on {branch}",
            Environment = new SessionEnvironment { Branch = branch, LastCommit = headCommit, Machine = MachineId.Current },
        },
    };

    /// <summary>The current-session record of a registered session being resumed.</summary>
    public static CurrentSession Resume(Session session, string? headCommit, DateTimeOffset now) => new()
    {
        Schema = SessionFileKind.CurrentSession.SchemaReference(),
        Metadata = new CurrentSessionMetadata
        {
            SessionId = session.Id,
            SessionStart = session.Created,
            LastUpdated = now,
            MainTopic = session.Title,
            LinkedIssues = [.. session.Issues],
            Environment = new SessionEnvironment { Branch = session.Branch, LastCommit = headCommit, Machine = MachineId.Current },
        },
    };

    /// <summary>The registry entry for a session first seen in current_session.json.</summary>
    public static Session Register(CurrentSession current, string? author, SessionConfig config, DateTimeOffset now) => new()
    {
        Id = current.Metadata.SessionId,
        Branch = current.Metadata.Environment.Branch,
        Title = current.Metadata.MainTopic,
        Created = current.Metadata.SessionStart == default ? now : current.Metadata.SessionStart,
        LastUpdated = now,
        Author = author,
        Issues = [.. current.Metadata.LinkedIssues],
        KnowledgeCache = [.. config.DefaultKnowledgeCache],
    };

    /// <summary>The open session of a branch, the most recently updated when there are several.</summary>
    public static Session? OpenSessionOf(AiSessions? sessions, string branch) =>
        sessions?.Sessions
            .Where(s => s.IsOpen && s.Branch == branch)
            .MaxBy(s => s.LastUpdated);
}
