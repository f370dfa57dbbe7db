using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// What a rewrite replaces is kept and linked to its successor (docs/records.md): an amended,
/// rebased, squashed or fixed-up commit is recorded as a worklog entry of its session with
/// <c>replaced_by</c>, in the pending area, for the branch's next commit to record.
/// </summary>
internal static class CommitHistory
{
    /// <returns>How many commits were recorded.</returns>
    public static int RecordReplaced(SessionContext context, IReadOnlyList<(string Old, string New)> rewrites)
    {
        if (rewrites.Count == 0)
        {
            return 0;
        }

        var git = context.Git;
        var current = context.Store.ReadCurrentSession().Value;
        var branch = current?.Metadata.Environment.Branch ?? git.Head.Branch;
        var entries = new List<WorklogEntry>();
        foreach (var (old, successor) in rewrites.DistinctBy(r => r.Old))
        {
            if (git.Commits(old, [], 1) is not [var commit] || commit.Id != old)
            {
                continue;
            }

            var session = commit.SessionId ?? current?.Metadata.SessionId;
            if (session is null || !RecordPaths.IsSafeName(session))
            {
                continue;
            }

            var entry = CommitEntries.For(commit, session, branch);
            entry.Files = [.. git.FilesOf(commit).Select(f => new FileChange { Path = f.Path, Change = f.Change, From = f.OldPath })];
            entry.ReplacedBy = successor;
            entries.Add(entry);
        }

        if (entries.Count > 0)
        {
            using var held = context.Store.Lock(RecordLock.Pending);
            var view = RecordView.Read(context.Store);
            foreach (var entry in entries)
            {
                view.Log(entry);
            }

            view.Save();
        }

        return entries.Count;
    }

    /// <summary>
    /// Records, commit by commit, what <paramref name="commit"/> took out of the records that its
    /// first parent had — worklog entries, and sessions of <c>ai_sessions.json</c> — back into the
    /// pending area, so the next commit records them again: nothing logged is lost to a revert.
    /// </summary>
    /// <returns>How many entries and sessions were put back.</returns>
    public static int RestoreRemoved(SessionContext context, string parent, string commit)
    {
        var git = context.Git;
        var changes = git.ChangesBetween(parent, commit, RecordPaths.Folder);
        var lostFiles = changes.Where(c => c.Change is ChangeKind.Deleted or ChangeKind.Modified).Select(c => c.Path).ToList();
        if (lostFiles.Count == 0)
        {
            return 0;
        }

        var before = ReadAt(git, parent, lostFiles);

        // What the commit wrote first. The files it left alone are many (a worklog file per commit
        // that logged): they are read only when something still looks lost, and then only the
        // registries and the folders of the sessions the lost entries belong to (a session's entries
        // live in its own folder, live or archived); the others are not even listed.
        var written = changes.Where(c => c.Change is not ChangeKind.Deleted).Select(c => c.Path).ToList();
        var (lostEntries, lostSessions) = StillLost(before, ReadAt(git, commit, written));
        if (lostEntries.Count > 0 || lostSessions.Count > 0)
        {
            var folders = lostEntries.Select(e => e.Session).Distinct(StringComparer.Ordinal).Where(RecordPaths.IsSafeName)
                .SelectMany(session => new[] { RecordPaths.SessionWorklog(session), RecordPaths.ArchivedWorklog(session) });
            var rest = folders.SelectMany(folder => git.FilesAt(commit, folder))
                .Concat([RecordPaths.Registry, RecordPaths.ArchiveRegistry, RecordPaths.LegacyWorklog])
                .Except(written, StringComparer.Ordinal)
                .ToList();
            (lostEntries, lostSessions) = StillLost((lostEntries, lostSessions), ReadAt(git, commit, rest));
        }

        if (lostEntries.Count == 0 && lostSessions.Count == 0)
        {
            return 0;
        }

        using var held = context.Store.LockAll();
        var view = RecordView.Read(context.Store);
        foreach (var session in lostSessions.Where(s => view.Find(s.Id) is null))
        {
            view.Start(session, byHand: true);
        }

        foreach (var entry in lostEntries)
        {
            view.Log(entry);
        }

        view.Save();
        return lostEntries.Count + lostSessions.Count;
    }

    private static (List<WorklogEntry> Entries, List<Session> Sessions) StillLost((List<WorklogEntry> Entries, List<Session> Sessions) candidates, (List<WorklogEntry> Entries, List<Session> Sessions) found)
    {
        var kept = found.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return ([.. candidates.Entries.Where(e => !kept.Contains(e.Id))], [.. candidates.Sessions.Where(s => found.Sessions.All(n => n.Id != s.Id))]);
    }

    private static (List<WorklogEntry> Entries, List<Session> Sessions) ReadAt(GitRepository git, string commit, IReadOnlyList<string> paths)
    {
        var entries = new List<WorklogEntry>();
        var sessions = new List<Session>();
        foreach (var path in paths)
        {
            if (git.ReadFileAtCommit(commit, path) is not { } text)
            {
                continue;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            switch (RecordPaths.KindOf(path))
            {
                case SessionFileKind.Worklog:
                    entries.AddRange(SessionFileParser.ParseWorklog(bytes, path).Value?.Entries?.Where(e => e is not null) ?? []);
                    break;
                case SessionFileKind.AiSessions:
                    sessions.AddRange(SessionFileParser.ParseAiSessions(bytes, path).Value?.Sessions?.Where(s => s is not null) ?? []);
                    break;
            }
        }

        return (entries, sessions);
    }
}
