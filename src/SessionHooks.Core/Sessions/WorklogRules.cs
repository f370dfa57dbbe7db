using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Formats;
using SessionHooks.Git;
using SessionHooks.Model;

namespace SessionHooks.Sessions;

/// <summary>
/// Which commits have a worklog entry. A commit made through the hooks carries its own entry:
/// its worklog.json holds a commit entry its first parent's does not (this survives rebases,
/// cherry-picks and amends). A commit logged afterwards by recover is named by id in a
/// backfilled entry.
/// </summary>
internal static class WorklogRules
{
    private static readonly string WorklogPath = SessionFileKind.Worklog.RepoPath();

    public static IEnumerable<Diagnostic> UnloggedCommits(GitRepository git, Worklog? tipWorklog, IReadOnlyList<CommitInfo> commits) =>
        FindUnlogged(git, tipWorklog, commits).Select(commit => DiagnosticCatalog.UnloggedCommit.ForFile(
            WorklogPath,
            $"commit {commit.Id[..Math.Min(12, commit.Id.Length)]} \"{commit.Subject}\" has no worklog entry (made with --no-verify or without the hooks)"));

    public static IReadOnlyList<CommitInfo> FindUnlogged(GitRepository git, Worklog? worklog, IReadOnlyList<CommitInfo> commits)
    {
        var backfilled = worklog?.Entries.Where(e => e.Commit is not null).Select(e => e.Commit!).ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. commits.Where(c => !c.IsMerge && !backfilled.Contains(c.Id) && IsAdopted(git, c) && !CarriesOwnEntry(git, c))];
    }

    /// <summary>History from before the repository took up SessionHooks has no worklog to carry entries.</summary>
    private static bool IsAdopted(GitRepository git, CommitInfo commit) =>
        git.BlobIdAtCommit(commit.Id, WorklogPath) is not null;

    private static bool CarriesOwnEntry(GitRepository git, CommitInfo commit)
    {
        var blob = git.BlobIdAtCommit(commit.Id, WorklogPath);
        if (blob is null)
        {
            return false;
        }

        var parent = commit.Parents.Count > 0 ? commit.Parents[0] : null;
        var parentBlob = parent is null ? null : git.BlobIdAtCommit(parent, WorklogPath);
        if (blob == parentBlob)
        {
            return false;
        }

        var before = CommitEntryIds(parent is null ? null : git.ReadFileAtCommit(parent, WorklogPath));
        var after = CommitEntryIds(git.ReadFileAtCommit(commit.Id, WorklogPath));
        return after.Except(before).Any();
    }

    private static HashSet<string> CommitEntryIds(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var worklog = SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), WorklogPath).Value;
        return worklog?.Entries
            .Where(e => e.Kind is WorklogKind.Commit or WorklogKind.Merge && e.Commit is null)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal) ?? [];
    }
}
