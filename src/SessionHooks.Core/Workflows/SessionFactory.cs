using SessionHooks.Ids;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>Makes new sessions.</summary>
internal static class SessionFactory
{
    /// <summary>A new active session on <paramref name="branch"/>, with an id no session of <paramref name="view"/> has.</summary>
    public static Session New(RecordView view, string? branch, string? author, SessionConfig config, DateTimeOffset now)
    {
        var id = SessionId.New(now);
        while (view.Find(id) is not null)
        {
            id = SessionId.New(now);
        }

        var session = new Session
        {
            Id = id,
            Branch = branch,
            Title = branch is null ? "Work on a detached HEAD" : $"Work on {branch}",
            Created = now,
            LastUpdated = now,
            Author = author,
            KnowledgeCache = [.. config.DefaultKnowledgeCache],
        };
        Backlog.Inherit(view.Registry, session);
        return session;
    }
}
