using SessionHooks.Records;
using SessionHooks.Git;

namespace SessionHooks.Workflows;

/// <summary>
/// The commits a session made. A hook's commit entry is written before its commit exists, so it
/// carries the parent, not the commit's id: the commit is the child of that parent, on the
/// session's branch, whose own worklog.json holds the entry. Backfilled entries name their commit.
/// </summary>
public static class SessionCommits
{
    private const int MaxHistory = 20_000;

    /// <summary>The session's commits, oldest first.</summary>
    public static IReadOnlyList<CommitInfo> Find(GitRepository git, Session session, IEnumerable<WorklogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(session);
        var own = entries.Where(e => e.Session == session.Id && e.Kind is WorklogKind.Commit or WorklogKind.Merge).ToList();
        if (own.Count == 0)
        {
            return [];
        }

        var tip = session.Branch is { } branch && git.FindCommit(branch) is { } branchTip ? branchTip.Id : "HEAD";
        var history = git.Log(tip, MaxHistory);
        var byParent = history.ToLookup(c => c.Parents.Count > 0 ? c.Parents[0] : "");
        var found = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        foreach (var entry in own)
        {
            if (entry.Commit is { } named)
            {
                if (git.FindCommit(named) is { } commit)
                {
                    found.TryAdd(commit.Id, commit);
                }

                continue;
            }

            foreach (var candidate in byParent[entry.Parent ?? ""])
            {
                if (git.ReadFileAtCommit(candidate.Id, SessionFileKind.Worklog.RepoPath()) is { } worklog
                    && worklog.Contains($"\"{entry.Id}\"", StringComparison.Ordinal))
                {
                    found.TryAdd(candidate.Id, candidate);
                    break;
                }
            }
        }

        // git log lists newest first; commits named by id but no longer on the branch go last.
        var ordered = history.Where(c => found.ContainsKey(c.Id)).Reverse().ToList();
        ordered.AddRange(found.Values.Where(c => !ordered.Exists(o => o.Id == c.Id)));
        return ordered;
    }
}
