using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Rules;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// What <c>session validate</c> checks of the branch besides the files: its commits (the newest
/// <see cref="MaxCommits"/>) are accounted for as pre-push would judge them, so <c>validate</c>,
/// pre-push and <c>recover</c> agree about commits already pushed without an entry.
/// </summary>
internal static class BranchValidation
{
    public const int MaxCommits = 500;

    public static IReadOnlyList<Diagnostic> Check(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Git.Head.CommitId is not { } head)
        {
            return [];
        }

        var view = RecordView.Read(context.Store, tolerant: true);
        var commits = context.Git.Commits(head, [], MaxCommits);
        return [.. UnloggedCommitsRule.Unlogged(context.Git, commits, view.AllEntries).Select(commit => DiagnosticCatalog.UnloggedCommit.ForFile(
            RecordPaths.Registry,
            $"commit {commit.Id[..Math.Min(12, commit.Id.Length)]} \"{commit.Subject}\" on the branch has no Session-Id trailer and no worklog entry (made without the hooks)"))];
    }
}
