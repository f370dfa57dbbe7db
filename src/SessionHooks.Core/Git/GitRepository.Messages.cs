using LibGit2Sharp;

namespace SessionHooks.Git;

/// <summary>Whole commit messages, for what a message may mention besides its subject (task ids).</summary>
internal sealed partial class GitRepository
{
    /// <summary>The newest <paramref name="max"/> commits reachable from <paramref name="tip"/>, with their whole messages, newest first.</summary>
    public IReadOnlyList<(string Id, string Message)> CommitMessages(string tip, int max)
    {
        if (max <= 0 || ResolveCommit(tip) is not { } from)
        {
            return [];
        }

        var filter = new CommitFilter { IncludeReachableFrom = from, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        return [.. Repo.Commits.QueryBy(filter).Take(max).Select(c => (c.Sha, c.Message))];
    }
}
