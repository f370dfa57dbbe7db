using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Workflows;

/// <summary>The registry and the worklog as read now, for the commands that only report.</summary>
public sealed record SessionRecords(AiSessions Sessions, IReadOnlyList<WorklogEntry> Entries, CurrentSession? Current)
{
    public static SessionRecords Read(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SessionRecords(
            OpenSession.ReadOrFail(context.Store.ReadAiSessions()) ?? new AiSessions(),
            OpenSession.ReadOrFail(context.Store.ReadWorklog())?.Entries ?? [],
            OpenSession.ReadOrFail(context.Store.ReadCurrentSession()));
    }

    /// <summary>The session of that id, or the current one when none is given.</summary>
    public Session Find(string? id)
    {
        var wanted = id ?? Current?.Metadata.SessionId;
        return (wanted is null ? null : Sessions.Find(wanted))
            ?? throw new SessionHooksException(DiagnosticCatalog.SessionNotFound.ForFile(".sessions/ai_sessions.json",
                id is null ? "the branch's session is not registered yet" : $"no session has the id '{id}'",
                id is null ? "log something with 'session log', commit, or name a session: run 'session list'" : null));
    }
}
