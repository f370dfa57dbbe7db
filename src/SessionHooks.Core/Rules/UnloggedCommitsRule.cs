using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Records;

namespace SessionHooks.Rules;

/// <summary>
/// Every pushed commit made since the repository took up SessionHooks is accounted for
/// (docs/records.md): it carries a <c>Session-Id</c> trailer, or an entry names it (backfilled by
/// <c>session recover</c>, or as the successor of a commit it replaced), or — for commits made in
/// format 1 — it added its own entry to <c>worklog.json</c>.
/// </summary>
internal sealed class UnloggedCommitsRule : PushRule
{
    public override string Name => "unlogged_commits";

    public override string Description => "Pushed commits have no worklog entry.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [DiagnosticCatalog.UnloggedCommit];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push) =>
        Unlogged(push.Git, push.Commits, push.Records.AllEntries).Select(commit => DiagnosticCatalog.UnloggedCommit.ForFile(
            RecordPaths.Registry,
            $"commit {CrossFileRule.Short(commit.Id)} \"{commit.Subject}\" has no Session-Id trailer and no worklog entry (made without the hooks)"));

    /// <summary>The commits of <paramref name="commits"/> that nothing accounts for.</summary>
    /// <param name="entries">Every entry of the records that judge them; asked only when a commit has no trailer.</param>
    public static IReadOnlyList<CommitInfo> Unlogged(GitRepository git, IReadOnlyList<CommitInfo> commits, Func<IReadOnlyList<WorklogEntry>> entries)
    {
        var candidates = commits.Where(c => !c.IsMerge && c.SessionId is null && InScope(git, c) && !LoggedInFormat1(git, c)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var named = entries().SelectMany(e => new[] { e.Commit, e.ReplacedBy }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. candidates.Where(c => !named.Contains(c.Id))];
    }

    /// <summary>Made since the repository took up SessionHooks: the commit's tree has session records.</summary>
    private static bool InScope(GitRepository git, CommitInfo commit) =>
        git.BlobIdAtCommit(commit.Id, RecordPaths.Registry) is not null || git.BlobIdAtCommit(commit.Id, RecordPaths.LegacyWorklog) is not null;

    /// <summary>Format 1's hooks changed worklog.json in every commit they logged.</summary>
    private static bool LoggedInFormat1(GitRepository git, CommitInfo commit) =>
        git.BlobIdAtCommit(commit.Id, RecordPaths.LegacyWorklog) is { } blob
        && (commit.Parents.Count == 0 || git.BlobIdAtCommit(commit.Parents[0], RecordPaths.LegacyWorklog) != blob);
}
