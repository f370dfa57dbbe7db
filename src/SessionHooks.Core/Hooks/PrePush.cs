using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Rules;
using SessionHooks.Store;

namespace SessionHooks.Hooks;

/// <summary>
/// pre-push: refuses a push whose session records are invalid or stale (SPEC §2), listing every
/// problem with the command that fixes it. Each rule (<see cref="PushRules.All"/>) has its level in
/// config.json.
/// </summary>
internal static class PrePush
{
    public static HookOutcome Run(SessionContext context, string remoteName, IReadOnlyList<PushUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(updates);
        CommitRecorder.Settle(context, newCommit: false);
        var config = context.Config;
        var problems = new List<Diagnostic>();
        var worktree = new Lazy<RecordView>(() => RecordView.Read(context.Store, tolerant: true));
        foreach (var update in updates.Where(u => !u.IsDelete))
        {
            var push = Describe(context, remoteName, update, worktree);
            foreach (var rule in PushRules.All)
            {
                var level = config.LevelOf(rule);
                if (level == RuleLevel.Off)
                {
                    continue;
                }

                var severity = level == RuleLevel.Warning ? Severity.Warning : Severity.Error;
                problems.AddRange(rule.Check(push).Select(d => d.WithSeverity(severity)));
            }
        }

        var distinct = problems.Distinct().ToList();
        context.Log.Information("pre-push to {Remote}: {Updates} ref(s), {Problems} problem(s)", remoteName, updates.Count, distinct.Count);
        return distinct.Any(d => d.Severity == Severity.Error)
            ? HookOutcome.Refuse("push refused: the session records are invalid or stale (fix, or 'git push --no-verify' to bypass)", distinct)
            : new HookOutcome(false, "", distinct);
    }

    private static PushedBranch Describe(SessionContext context, string remoteName, PushUpdate update, Lazy<RecordView> worktree)
    {
        var git = context.Git;
        var head = git.Head;
        var tip = update.LocalOid;
        var branch = update.BranchPushed(head);
        var commits = git.CommitsToPush(tip, remoteName, update.IsNewRef ? null : update.RemoteOid);

        // The records the pushed commits changed are checked; the oldest pushed commit's parent is what the remote has.
        var basis = commits.Count == 0 ? tip : (commits[^1].Parents.Count > 0 ? commits[^1].Parents[0] : null);
        return new PushedBranch
        {
            Context = context,
            Update = update,
            Branch = branch,
            IsCheckedOut = branch is not null && head.Branch == branch,
            Commits = branch is null ? [] : commits,
            Records = PushedRecords.Read(git, tip, basis, worktree),
        };
    }
}
