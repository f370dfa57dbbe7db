using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Validation;
using SessionHooks.Workflows;

namespace SessionHooks.Hooks;

/// <summary>
/// pre-commit (and pre-merge-commit): refuses a commit that stages a session file breaking its
/// schema, brings <c>current_session.json</c> in step, and records in the commit what is pending
/// for the branch's sessions (docs/records.md). The commit's own entry is its <c>Session-Id</c>
/// trailer, added by <see cref="CommitMessage"/>.
/// </summary>
internal static class PreCommit
{
    public static HookOutcome Run(SessionContext context) => Run(context, mergeCommit: false);

    /// <param name="mergeCommit">
    /// Run as pre-merge-commit: git has written the merge's tree when this hook runs, so nothing
    /// staged now would reach the commit; only <c>current_session.json</c> is brought in step. What is
    /// pending waits for the branch's next commit.
    /// </param>
    public static HookOutcome Run(SessionContext context, bool mergeCommit)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (mergeCommit)
        {
            return PostCheckout.Resync(context);
        }

        CommitRecorder.Settle(context, newCommit: true);
        var git = context.Git;
        if (git.Operation == InProgressOperation.Rebase)
        {
            // A reword or an edit stop: the rebase replays commits; what is pending waits for the branch's next commit.
            return HookOutcome.Skipped("rebase in progress");
        }

        var staged = git.StagedChanges();
        var invalid = ValidateStagedRecords(git, staged);
        if (invalid.Count > 0)
        {
            return HookOutcome.Refuse("commit refused: a staged session file breaks its schema", invalid);
        }

        if (staged.Count == 0 && git.MergeHead is null)
        {
            // git refuses an empty commit after this hook; staging records now would make it a commit of records alone.
            return HookOutcome.Skipped("nothing staged");
        }

        var head = git.Head;
        var current = context.Store.ReadCurrentSession().Value;
        if (current is not null && CurrentSessionCache.IsFresh(context.Store, current, head) && !NeedsRecords(context, current, head))
        {
            return HookOutcome.Done("nothing to record");
        }

        using var held = context.Store.LockAll();
        var view = RecordView.Read(context.Store);
        var session = SessionResolver.Resolve(context, view, head, current);
        view.Save();
        context.Store.WriteCurrentSession(CurrentSessionCache.Build(view, session, head, current, context.Now));

        var recorded = CommitRecorder.Record(context, view, session);
        context.Log.Information("pre-commit on {Branch}: session {Session}, records {Recorded}", head.Branch, session.Id, recorded);
        return HookOutcome.Done(recorded ? $"recording session {session.Id}'s pending records" : $"session {session.Id}");
    }

    /// <summary>
    /// True when this commit may have something to record, so the records are read: the worktree
    /// still has format 1's worklog, the repository-wide lists changed, a pending file can't be read,
    /// or something is pending for the commit's session or one that may be of its branch. What waits
    /// for another branch's commit (a session post-checkout started there) does not make every
    /// commit here read a registry of a thousand sessions.
    /// </summary>
    private static bool NeedsRecords(SessionContext context, CurrentSession current, HeadInfo head)
    {
        if (context.Store.HasLegacyWorklog)
        {
            return true;
        }

        if (!Directory.Exists(context.State.Pending))
        {
            return false;
        }

        var pending = context.Store.Pending;
        var sessions = pending.ReadAll();
        return pending.Problems.Count > 0
            || pending.ReadRepository() is { IsEmpty: false }
            || sessions.Any(p => !p.IsEmpty && (p.SessionId == current.Metadata.SessionId || p.Changed?.Branch is not { } branch || branch == head.Branch));
    }

    private static List<Diagnostic> ValidateStagedRecords(GitRepository git, IReadOnlyList<StagedChange> staged)
    {
        var problems = new List<Diagnostic>();
        var records = staged
            .Where(c => c.Change != ChangeKind.Deleted && RecordPaths.KindOf(c.Path) is { } kind && kind.IsCommitted())
            .Select(c => c.Path)
            .ToList();
        var blobs = git.IndexBlobIds(records);
        foreach (var path in records)
        {
            if (blobs.GetValueOrDefault(path) is { } id && git.ReadBlob(id) is { } text)
            {
                problems.AddRange(SchemaValidator.Shared.Validate(RecordPaths.KindOf(path)!.Value, text, path).Where(d => d.Severity == Severity.Error));
            }
        }

        return problems;
    }
}
