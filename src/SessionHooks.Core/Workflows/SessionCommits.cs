using SessionHooks.Git;
using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>
/// The commits a session made on its branch (docs/records.md): those whose <c>Session-Id</c>
/// trailer names it, and those recorded for it afterwards by <c>session recover</c> (backfilled).
/// Commits a rewrite replaced are entries with <c>replaced_by</c>, not commits of the branch.
/// </summary>
internal static class SessionCommits
{
    private const int MaxHistory = 20_000;

    /// <summary>The session's commits on its branch (or HEAD's history when the branch is gone), oldest first.</summary>
    public static IReadOnlyList<CommitInfo> Find(GitRepository git, Session session, IEnumerable<WorklogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(session);
        var tip = (session.Branch is { } branch ? git.FindCommitId("refs/heads/" + branch) : null) ?? git.Head.CommitId;
        if (tip is null)
        {
            return [];
        }

        var recorded = entries
            .Where(e => e.Session == session.Id && e.Commit is not null && e.ReplacedBy is null)
            .Select(e => e.Commit!)
            .ToHashSet(StringComparer.Ordinal);
        return [.. git.Commits(tip, [], MaxHistory).Where(c => c.SessionId == session.Id || recorded.Contains(c.Id)).Reverse()];
    }
}
