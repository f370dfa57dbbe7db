using SessionHooks.Git;
using SessionHooks.Workflows;

namespace SessionHooks.Hooks;

/// <summary>
/// post-commit: runs once a commit is made (by <c>git commit</c>, and by a rebase, a cherry-pick or
/// a revert). It finishes what pre-commit recorded, and notices what git did without asking
/// (docs/records.md): a <c>reset --soft</c> squash, whose dropped commits are recorded as replaced
/// by the new one, and a revert (or cherry-pick) that took records out, which go back to the
/// pending area. Its exit status changes nothing in git, so it always exits 0.
/// </summary>
internal static class PostCommit
{
    private const int MaxSquashed = 500;

    public static HookOutcome Run(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CommitRecorder.Finish(context);
        var git = context.Git;
        var head = git.Head.CommitId;
        if (head is null)
        {
            return HookOutcome.Skipped("no commit");
        }

        var reflog = git.HeadReflog(2);
        if (reflog is [{ Message: var made }, { Message: var before } previous] && made.StartsWith("commit:", StringComparison.Ordinal)
            && before.StartsWith("reset: moving to", StringComparison.Ordinal))
        {
            return AfterReset(context, previous.Old, head);
        }

        if (reflog is [{ Message: var message } last, ..] && last.New == head
            && (message.StartsWith("revert:", StringComparison.Ordinal) || message.StartsWith("cherry-pick:", StringComparison.Ordinal))
            && git.Commits(head, [], 1) is [{ Parents: [var parent, ..] }])
        {
            var restored = CommitHistory.RestoreRemoved(context, parent, head);
            return HookOutcome.Done(restored == 0 ? "nothing to restore" : $"{restored} record(s) the commit took out go back to the pending area");
        }

        return HookOutcome.Done("committed");
    }

    /// <summary>
    /// A commit right after a reset: when its tree (outside <c>.sessions/</c>) is the tree the reset
    /// left, it squashes the commits the reset dropped; what those commits recorded is kept either way.
    /// </summary>
    private static HookOutcome AfterReset(SessionContext context, string oldTip, string head)
    {
        var git = context.Git;
        var dropped = git.Commits(oldTip, [head], MaxSquashed);
        if (dropped.Count == 0)
        {
            return HookOutcome.Done("committed");
        }

        var squashed = git.SameTreeOutside(oldTip, head, Records.RecordPaths.Folder)
            ? CommitHistory.RecordReplaced(context, [.. dropped.Where(c => !c.IsMerge).Select(c => (c.Id, head))])
            : 0;
        var restored = CommitHistory.RestoreRemoved(context, oldTip, head);
        context.Log.Information("post-commit after a reset: {Squashed} commit(s) squashed, {Restored} record(s) put back", squashed, restored);
        return HookOutcome.Done($"{squashed} squashed commit(s) recorded");
    }
}
