using SessionHooks.Git;
using SessionHooks.Ids;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// <c>current_session.json</c> is a cache (docs/records.md): everything in it is rebuilt from the
/// records and git, so resuming a session brings back its decisions and open tasks, and a lost or
/// damaged file costs nothing. What only this worktree knows (the files an assistant touched, the
/// last commit's changes) is kept while the session stays the same.
/// </summary>
internal static class CurrentSessionCache
{
    /// <summary>
    /// True when <paramref name="current"/> can name the commit's session without reading the
    /// records: it is of the checked-out branch, and nothing rewrote <c>ai_sessions.json</c> since it
    /// was written (a merge, a pull, a commit that recorded a session's end). Keeps a commit from
    /// reading a registry of a thousand sessions when nothing changed.
    /// </summary>
    public static bool IsFresh(SessionStore store, CurrentSession current, HeadInfo head)
    {
        if (current.Metadata.Environment.Branch != head.Branch)
        {
            return false;
        }

        var registry = new FileInfo(store.FullPath(RecordPaths.Registry));
        return !registry.Exists || registry.LastWriteTimeUtc <= File.GetLastWriteTimeUtc(store.FullPath(RecordPaths.CurrentSession));
    }

    /// <summary>Marks the cache as checked against the records as they are now (see <see cref="IsFresh"/>).</summary>
    public static void Touch(SessionStore store)
    {
        var path = store.FullPath(RecordPaths.CurrentSession);
        if (File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
    }

    public static CurrentSession Build(RecordView view, Session session, HeadInfo head, CurrentSession? previous, DateTimeOffset now)
    {
        var same = previous?.Metadata.SessionId == session.Id;
        var entries = view.EntriesOf(session.Id);
        return new CurrentSession
        {
            Schema = RecordPaths.SchemaReference(SessionFileKind.CurrentSession, RecordPaths.CurrentSession),
            Metadata = new CurrentSessionMetadata
            {
                SessionId = session.Id,
                SessionStart = session.Created,
                LastUpdated = now,
                MainTopic = session.Title,
                LinkedIssues = [.. session.Issues],
                Environment = new SessionEnvironment { Branch = head.Branch, LastCommit = head.CommitId, Machine = MachineId.Current },
                Extra = same ? previous!.Metadata.Extra : null,
            },
            Context = new CurrentSessionContext
            {
                ActiveFiles = same ? previous!.Context.ActiveFiles : [],
                RecentChanges = same ? previous!.Context.RecentChanges : [],
                PendingTasks = [.. session.Backlog.Where(b => !b.Done && b.Kind == BacklogKind.Task).Select(b => b.Text)],
                Decisions = [.. entries.Where(e => e.Kind == WorklogKind.Decision && !string.IsNullOrEmpty(e.Text)).Select(e => e.Text!)],
                Extra = same ? previous!.Context.Extra : null,
            },
            Extra = same ? previous!.Extra : null,
        };
    }
}
