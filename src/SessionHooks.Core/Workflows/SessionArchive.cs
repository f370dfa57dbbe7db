using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// <c>session archive</c>: moves ended sessions (completed or abandoned) out of the hot files into
/// <c>.sessions/archive/</c> — their records to the archive's <c>ai_sessions.json</c>, their worklog
/// files, byte for byte, to <c>archive/&lt;id&gt;/</c> — and stages the move for the next commit.
/// Every command that reads the records still finds them there.
/// </summary>
internal static class SessionArchive
{
    public static ArchiveReport Run(SessionContext context, DateTimeOffset? before)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Store;
        var staged = new List<string>();
        var report = new ArchiveReport();
        using (store.LockAll())
        {
            var view = RecordView.Read(store);
            var archiveRead = store.ReadArchive();
            if (archiveRead.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } unreadable)
            {
                // Never write over a file we could not read.
                throw new SessionHooksException(unreadable with { Hint = "run 'session validate', or 'session recover' to repair it" });
            }

            var archive = archiveRead.Value ?? FileFormats.AiSessions.Fresh(RecordPaths.ArchiveRegistry);
            var current = store.ReadCurrentSession().Value?.Metadata.SessionId;
            var hot = view.Committed;
            Unarchive(hot, archive, report);
            foreach (var session in hot.Sessions.Where(s => s.Status is SessionStatus.Completed or SessionStatus.Abandoned).ToList())
            {
                if (before is { } limit && session.LastUpdated >= limit)
                {
                    continue;
                }

                if (KeptBecause(view, session, current) is { } reason)
                {
                    report.Kept.Add((session.Id, reason));
                    continue;
                }

                staged.AddRange(MoveWorklog(store, session.Id));
                archive.Sessions.RemoveAll(s => s.Id == session.Id);
                archive.Sessions.Add(session);
                hot.Sessions.Remove(session);
                report.Archived.Add(session.Id);
            }

            if (report.Archived.Count == 0 && report.Folded.Count == 0)
            {
                return report;
            }

            store.Write(RecordPaths.ArchiveRegistry, SessionJson.Serialize(archive));
            store.Write(RecordPaths.Registry, SessionJson.Serialize(hot));
            staged.AddRange([RecordPaths.ArchiveRegistry, RecordPaths.Registry]);
        }

        context.Git.Stage(staged);
        context.Log.Information("archived {Count} sessions", report.Archived.Count);
        return report;
    }

    /// <summary>
    /// A session listed in both files (a merge kept the copy another branch changed after the
    /// session was archived here): the two copies are folded into the hot file's and the archive
    /// forgets it; the rules below then decide whether it goes back to the archive. Its worklog
    /// files stay where they are: every reader reads both folders.
    /// </summary>
    private static void Unarchive(AiSessions hot, AiSessions archive, ArchiveReport report)
    {
        var archived = archive.Sessions.Where(s => s is not null).GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Aggregate(SessionMerge.Merge), StringComparer.Ordinal);
        for (var i = 0; i < hot.Sessions.Count; i++)
        {
            if (hot.Sessions[i] is { } live && archived.TryGetValue(live.Id, out var copy))
            {
                hot.Sessions[i] = SessionMerge.Merge(live, copy);
                archive.Sessions.RemoveAll(s => s?.Id == live.Id);
                report.Folded.Add(live.Id);
            }
        }
    }

    /// <summary>Why an ended session stays in the hot files for now, or null when it can go.</summary>
    private static string? KeptBecause(RecordView view, Session session, string? current)
    {
        if (session.Id == current)
        {
            return "it is the worktree's current session";
        }

        // A pending change would be recorded into ai_sessions.json by the next commit, bringing it back.
        if (view.PendingOf(session.Id) is { } pending && (pending.Changed is not null || pending.Entries.Count > 0))
        {
            return "it has changes or entries not committed yet; commit them first";
        }

        // Open tasks pass to the branch's next session when it starts; archived, they would be forgotten.
        var carried = view.Registry.Sessions.Where(s => s.IsOpen && s.Id != session.Id).SelectMany(s => s.Backlog).Where(b => b.IsOpen).Select(b => b.Text).ToHashSet(StringComparer.Ordinal);
        return session.Backlog.Any(b => b.IsOpen && !carried.Contains(b.Text))
            ? "it has open tasks no open session carries yet; finish or drop them, or start the branch's next session"
            : null;
    }

    /// <summary>Moves a session's worklog files, unchanged, to its archive folder; the repository paths to stage.</summary>
    private static List<string> MoveWorklog(SessionStore store, string sessionId)
    {
        var moved = new List<string>();
        var live = RecordPaths.SessionWorklog(sessionId) + "/";
        foreach (var path in store.WorklogFiles(sessionId).Where(p => p.StartsWith(live, StringComparison.Ordinal)))
        {
            var target = RecordPaths.ArchivedWorklog(sessionId) + "/" + path[live.Length..];
            store.Write(target, store.ReadBytes(path)!);
            store.Delete(path);
            moved.AddRange([target, path]);
        }

        return moved;
    }
}

internal sealed class ArchiveReport
{
    public List<string> Archived { get; } = [];

    /// <summary>Sessions that were in both files, folded into one copy.</summary>
    public List<string> Folded { get; } = [];

    public List<(string SessionId, string Reason)> Kept { get; } = [];
}
