using System.Text;
using SessionHooks.Ids;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Hooks;

/// <summary>
/// Records the pending area in a commit without leaving a trace when git stops the commit
/// (docs/records.md, "When things are written"): pre-commit writes and stages the files
/// (<see cref="Record"/>); once git has built the tree, prepare-commit-msg puts the index and the
/// working tree back (<see cref="Restore"/>); post-commit, which runs only for a commit that was
/// made, writes and stages them again and clears what was recorded (<see cref="Finish"/>).
/// </summary>
internal static class CommitRecorder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes what is pending for the branch's sessions into the commit being made; false when there was nothing to record.</summary>
    public static bool Record(SessionContext context, RecordView view, Session current)
    {
        var store = context.Store;
        var branch = context.Git.Head.Branch;
        var sessions = view.Pending
            .Where(p => p.SessionId == current.Id || SessionBranch(view, p) is { } b && b == branch && branch is not null)
            .Where(p => RecordPaths.IsSafeName(p.SessionId))
            .OrderBy(p => p.SessionId, StringComparer.Ordinal)
            .ToList();
        var repository = view.PendingRepository is { IsEmpty: false } lists ? lists : null;
        var migrating = store.HasLegacyWorklog;
        if (sessions.Count == 0 && repository is null && !migrating)
        {
            return false;
        }

        var now = context.Now;
        var writes = new List<(string Path, byte[]? After)>();
        var recording = new CommitRecording { Head = context.Git.Head.CommitId, Repository = repository };

        foreach (var pending in sessions.Where(p => p.Entries.Count > 0))
        {
            writes.Add((RecordPaths.Chunk(pending.SessionId, EntryId.New(now)), Worklog(pending.SessionId, pending.Entries)));
        }

        if (migrating)
        {
            writes.AddRange(MigrateLegacy(store, now));
        }

        var registry = Registry(view, sessions, repository);
        if (registry is not null || migrating)
        {
            writes.Add((RecordPaths.Registry, Utf8.GetBytes(SessionJson.Serialize(registry ?? view.Committed))));
        }

        recording.Sessions = [.. sessions.Select(p => new RecordedSession
        {
            SessionId = p.SessionId,
            Entries = [.. p.Entries.Select(e => e.Id)],
            Changed = p.Changed is null ? null : SessionJson.Copy(p.Changed),
        })];
        Write(context, recording, writes);
        context.Log.Information("recording {Files} file(s) for {Sessions} session(s) in the commit", writes.Count, sessions.Count);
        return true;
    }

    /// <summary>prepare-commit-msg: the tree is built; put the index and the working tree back as they were before <see cref="Record"/>.</summary>
    public static void Restore(SessionContext context)
    {
        var inProgress = context.CommitInProgress;
        if (inProgress.Read() is not { Restored: false } recording)
        {
            return;
        }

        if (recording.Head != context.Git.Head.CommitId)
        {
            Settle(context, newCommit: false);
            return;
        }

        using var held = context.Store.Lock(RecordLock.Records);
        PutBack(context, recording, onlyIfOurs: false);
        recording.Restored = true;
        inProgress.Save(recording);
    }

    /// <summary>post-commit: the commit was made; write and stage what it recorded, and take it out of the pending area.</summary>
    public static void Finish(SessionContext context)
    {
        var inProgress = context.CommitInProgress;
        if (inProgress.Read() is not { } recording)
        {
            return;
        }

        using var held = context.Store.LockAll();
        var head = context.Git.Head.CommitId;
        if (head is not null && head != recording.Head && InCommit(context, recording, head))
        {
            Apply(context, recording);
            Clear(context, recording);

            // pre-commit resolved the session against what was just written back: the cache is still good.
            Workflows.CurrentSessionCache.Touch(context.Store);
        }
        else if (!recording.Restored)
        {
            PutBack(context, recording, onlyIfOurs: true);
        }

        inProgress.End();
    }

    /// <summary>
    /// Leaves what <see cref="Record"/> staged staged, for the user's own next commit, and takes it
    /// out of the pending area now (<c>session recover --no-commit</c>).
    /// </summary>
    public static void KeepStaged(SessionContext context)
    {
        if (context.CommitInProgress.Read() is { } recording)
        {
            using var held = context.Store.LockAll();

            // The record ends first. Killed after it, the entries are both staged and pending, and the
            // next commit records them again as the same entries; the other way round, the next run
            // undid the staged files as an abandoned commit's while the pending area no longer held them.
            context.CommitInProgress.End();
            Clear(context, recording);
        }
    }

    /// <summary>
    /// Settles a commit in progress that an earlier run left (git stopped it, or a process was
    /// killed). With <paramref name="newCommit"/> (a new commit starts) or once HEAD moved, the
    /// record is finished or undone and dropped; otherwise only staged files are put back, since
    /// the commit may still be waiting for its message.
    /// </summary>
    public static void Settle(SessionContext context, bool newCommit)
    {
        var inProgress = context.CommitInProgress;
        if (inProgress.Read() is not { } recording)
        {
            return;
        }

        var head = context.Git.Head.CommitId;
        if (head != recording.Head && head is not null && InCommit(context, recording, head))
        {
            // The commit was made, but its post-commit never ran (killed): finish for it.
            Finish(context);
            return;
        }

        using var held = context.Store.Lock(RecordLock.Records);
        if (!recording.Restored)
        {
            PutBack(context, recording, onlyIfOurs: true);
            recording.Restored = true;
            inProgress.Save(recording);
        }

        if (newCommit || head != recording.Head)
        {
            inProgress.End();
        }
    }

    private static string? SessionBranch(RecordView view, PendingSession pending) =>
        pending.Changed?.Branch ?? view.Find(pending.SessionId)?.Branch;

    private static byte[] Worklog(string sessionId, IEnumerable<WorklogEntry> entries)
    {
        var path = RecordPaths.Chunk(sessionId, "x");
        var worklog = new Worklog
        {
            Schema = RecordPaths.SchemaReference(SessionFileKind.Worklog, path),
            Entries = EntrySet.Union(entries),
        };
        return Utf8.GetBytes(SessionJson.Serialize(worklog));
    }

    /// <summary>Format 1's worklog.json: its entries move, unchanged, into one worklog file per session, and it goes.</summary>
    private static IEnumerable<(string Path, byte[]? After)> MigrateLegacy(SessionStore store, DateTimeOffset now)
    {
        var legacy = store.ReadLegacyWorklog();
        if (legacy.Value is not { } worklog)
        {
            // Unreadable: left for 'session recover', which sets it aside and rebuilds it.
            yield break;
        }

        var chunk = EntryId.New(now);
        foreach (var group in worklog.Entries.Where(e => e is not null).GroupBy(e => RecordPaths.IsSafeName(e.Session) ? e.Session : "unknown-session"))
        {
            yield return (RecordPaths.Chunk(group.Key, chunk), Worklog(group.Key, group));
        }

        yield return (RecordPaths.LegacyWorklog, null);
    }

    /// <summary><c>ai_sessions.json</c> with the recorded sessions' changes applied; null when none of them changed it.</summary>
    private static AiSessions? Registry(RecordView view, IReadOnlyList<PendingSession> sessions, PendingRepository? repository)
    {
        var changed = sessions.Where(p => p.Changed is not null).ToList();
        if (changed.Count == 0 && repository is null)
        {
            return null;
        }

        var registry = new AiSessions
        {
            Schema = view.Committed.Schema ?? RecordPaths.SchemaReference(SessionFileKind.AiSessions, RecordPaths.Registry),
            KnowledgeCache = repository?.KnowledgeCache is { } cache
                ? SessionMerge.ApplyLocal(repository.BaseKnowledgeCache ?? [], view.Committed.KnowledgeCache, cache)
                : view.Committed.KnowledgeCache,
            ContextNotes = repository?.ContextNotes is { } notes
                ? SessionMerge.ApplyLocal(repository.BaseContextNotes ?? [], view.Committed.ContextNotes, notes)
                : view.Committed.ContextNotes,
            Sessions = [.. view.Committed.Sessions],
            Extra = view.Committed.Extra,
        };
        foreach (var pending in changed.OrderBy(p => p.Changed!.Created))
        {
            var index = registry.Sessions.FindIndex(s => s.Id == pending.SessionId);
            var applied = SessionMerge.ApplyLocal(pending.Base, index >= 0 ? registry.Sessions[index] : null, pending.Changed!);
            if (index >= 0)
            {
                registry.Sessions[index] = applied;
            }
            else
            {
                registry.Sessions.Add(applied);
            }
        }

        return registry;
    }

    private static void Write(SessionContext context, CommitRecording recording, List<(string Path, byte[]? After)> writes)
    {
        var store = context.Store;
        var git = context.Git;
        using var held = store.Lock(RecordLock.Records);
        var contents = new List<(byte[]? Before, byte[]? After)>();
        var staged = git.IndexBlobIds([.. writes.Select(w => w.Path)]);
        foreach (var (path, after) in writes)
        {
            var before = store.ReadBytes(path);
            recording.Files.Add(new RecordedFile { Path = path, BlobBefore = staged.GetValueOrDefault(path), ExistedBefore = before is not null });
            contents.Add((before, after));
        }

        // The record first: a process killed after it can always be undone by the next run.
        context.CommitInProgress.Begin(recording, contents);
        WriteWorktree(store, writes.Select(w => (w.Path, w.After)));
        git.StageIntoIndex([.. writes.Select(w => w.Path)]);
    }

    private static void WriteWorktree(SessionStore store, IEnumerable<(string Path, byte[]? Content)> files)
    {
        foreach (var (path, content) in files)
        {
            if (content is null)
            {
                if (store.ReadBytes(path) is not null)
                {
                    store.Delete(path);
                }
            }
            else
            {
                store.Write(path, content);
            }
        }
    }

    /// <summary>True when <paramref name="head"/>'s tree holds what the record wrote, so that commit is the one that recorded it.</summary>
    private static bool InCommit(SessionContext context, CommitRecording recording, string head)
    {
        for (var i = 0; i < recording.Files.Count; i++)
        {
            var after = context.CommitInProgress.After(i);
            var committed = context.Git.ReadFileAtCommit(head, recording.Files[i].Path);
            if (after is null ? committed is not null : committed != Utf8.GetString(after))
            {
                return false;
            }
        }

        return true;
    }

    private static void Apply(SessionContext context, CommitRecording recording)
    {
        WriteWorktree(context.Store, recording.Files.Select((f, i) => (f.Path, context.CommitInProgress.After(i))));
        context.Git.StageIntoIndex([.. recording.Files.Select(f => f.Path)]);
    }

    /// <summary>Puts the index and the working tree back; with <paramref name="onlyIfOurs"/>, a file someone changed since is left alone.</summary>
    private static void PutBack(SessionContext context, CommitRecording recording, bool onlyIfOurs)
    {
        var store = context.Store;
        var git = context.Git;
        var index = new List<(string Path, string? BlobId)>();
        var staged = onlyIfOurs ? git.IndexBlobIds([.. recording.Files.Select(f => f.Path)]) : [];
        for (var i = 0; i < recording.Files.Count; i++)
        {
            var file = recording.Files[i];
            var after = context.CommitInProgress.After(i);
            var ours = !onlyIfOurs || SameBytes(store.ReadBytes(file.Path), after);
            if (ours)
            {
                WriteWorktree(store, [(file.Path, file.ExistedBefore ? context.CommitInProgress.Before(i) : null)]);
            }

            if (!onlyIfOurs || SameText(staged.GetValueOrDefault(file.Path) is { } id ? git.ReadBlob(id) : null, after))
            {
                index.Add((file.Path, file.BlobBefore));
            }
        }

        if (index.Count > 0)
        {
            git.SetIndexEntries(index);
        }
    }

    /// <summary>Takes what the commit recorded out of the pending area; a change made since is kept, on top of what is now committed.</summary>
    private static void Clear(SessionContext context, CommitRecording recording)
    {
        var pending = context.Store.Pending;
        foreach (var session in recording.Sessions)
        {
            if (pending.Read(session.SessionId) is not { } left)
            {
                continue;
            }

            left.Entries.RemoveAll(e => session.Entries.Contains(e.Id));
            if (session.Changed is { } changed && left.Changed is not null)
            {
                if (SessionJson.Serialize(left.Changed) == SessionJson.Serialize(changed))
                {
                    left.Changed = null;
                    left.Base = null;
                    left.ChangedByHand = false;
                }
                else
                {
                    left.Base = changed;
                }
            }

            pending.Write(left);
        }

        if (recording.Repository is { } recorded && pending.ReadRepository() is { } now)
        {
            // A list the commit recorded as it still is leaves the pending area; one changed since is
            // kept, based on what is committed now.
            (now.BaseKnowledgeCache, now.KnowledgeCache) = Cleared(now.BaseKnowledgeCache, now.KnowledgeCache, recorded.KnowledgeCache);
            (now.BaseContextNotes, now.ContextNotes) = Cleared(now.BaseContextNotes, now.ContextNotes, recorded.ContextNotes);
            pending.WriteRepository(now);
        }
    }

    private static (List<string>? Base, List<string>? Changed) Cleared(List<string>? @base, List<string>? now, List<string>? recorded) =>
        now is null || recorded is null ? (@base, now)
        : now.SequenceEqual(recorded, StringComparer.Ordinal) ? (null, null)
        : (recorded, now);

    private static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static bool SameText(string? text, byte[]? bytes) => text is null ? bytes is null : bytes is not null && text == Utf8.GetString(bytes);
}
