using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>The records as they stand, with what is pending, for the commands that only report.</summary>
internal sealed class SessionRecords
{
    private SessionRecords(RecordView view, CurrentSession? current)
    {
        View = view;
        Current = current;
    }

    public RecordView View { get; }

    public CurrentSession? Current { get; }

    public AiSessions Sessions => View.Registry;

    public static SessionRecords Read(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SessionRecords(RecordView.Read(context.Store), context.Store.ReadCurrentSession().Value);
    }

    /// <summary>The session of that id (live or archived), or the current one when none is given.</summary>
    public Session Find(string? id)
    {
        var wanted = id ?? Current?.Metadata.SessionId;
        return View.FindAnywhere(wanted)
            ?? throw new SessionHooksException(DiagnosticCatalog.SessionNotFound.ForFile(RecordPaths.Registry,
                id is null ? "the branch has no session yet" : $"no session has the id '{id}'",
                id is null ? "check out a branch, or run 'session start'" : "run 'session list'"));
    }

    public IReadOnlyList<WorklogEntry> EntriesOf(string sessionId) => View.EntriesOf(sessionId);
}
