using System.Text;
using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    // Two: walking the pushed commits newest first, each reads its own worklog (its child's parent's) and its parent's.
    private const int RecentBlobLimit = 2;
    private static readonly CompareOptions FindRenames = new() { Similarity = SimilarityOptions.Renames };
    private readonly List<(string Id, string Text)> recentBlobs = [];

    /// <summary>The commit a name resolves to (id, branch, tag, <c>HEAD~1</c>, …); null when there is none.</summary>
    public CommitInfo? FindCommit(string commitish) =>
        ResolveCommit(commitish) is { } commit ? CommitInfo.From(commit) : null;

    /// <summary>
    /// The commits a push of <paramref name="localOid"/> sends: reachable from it, not from
    /// <paramref name="remoteOid"/> (ignored when null or all zeros) nor from any <c>refs/remotes/&lt;remoteName&gt;/*</c>;
    /// newest first, like <c>git rev-list &lt;local&gt; ^&lt;remote&gt; --not --remotes=&lt;remoteName&gt;</c>.
    /// </summary>
    /// <remarks>Asked of <c>git rev-list</c>: a push then needs no libgit2 (see <see cref="ReadFileAtCommit"/>).</remarks>
    public IReadOnlyList<CommitInfo> CommitsToPush(string localOid, string remoteName, string? remoteOid)
    {
        if (ObjectIds.IsZero(localOid))
        {
            return [];
        }

        if (string.IsNullOrEmpty(localOid) || localOid.StartsWith('-'))
        {
            throw RevisionNotFound(localOid);
        }

        // Topological as well as by date, so a child is listed before its parents even when clocks
        // were skewed. --ignore-missing: a remote tip this repository never fetched excludes nothing.
        List<string> arguments =
        [
            "rev-list", "--date-order", "--ignore-missing", "--no-commit-header", "--format=" + CommitRecords.Format,
            "--not", "--remotes=" + remoteName, "--not", "--end-of-options", localOid,
        ];
        if (remoteOid is not null && !ObjectIds.IsZero(remoteOid) && ObjectIds.IsObjectId(remoteOid))
        {
            arguments.Add("^" + remoteOid);
        }

        var result = RunGit(arguments);
        if (!result.Succeeded)
        {
            throw result.StandardError.Contains("bad object", StringComparison.Ordinal)
                ? RevisionNotFound(localOid)
                : CommandFailed(result, "rev-list", GitDir);
        }

        var commits = CommitRecords.Parse(result.StandardOutput);
        if (commits.Count == 0 && Objects.Find(localOid + "^{commit}") is null)
        {
            // --ignore-missing skipped the pushed commit too: it is not in this repository.
            throw RevisionNotFound(localOid);
        }

        return commits;
    }

    /// <summary>Like <c>git merge-base --is-ancestor</c>; a commit is its own ancestor. False when either is unknown.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        if (ResolveCommit(ancestor) is not { } older || ResolveCommit(descendant) is not { } newer)
        {
            return false;
        }

        return older.Id == newer.Id || Repo.ObjectDatabase.FindMergeBase(older, newer)?.Id == older.Id;
    }

    /// <summary>The text of a file in a commit; null when the commit or the file is not there.</summary>
    /// <remarks>Read by git's object reader, which a push keeps open for all it reads; the last two blobs are kept, as a push reads each worklog twice.</remarks>
    public string? ReadFileAtCommit(string commitish, string repoPath) => ReadBlobAtCommit(commitish, repoPath)?.Text;

    /// <summary>As <see cref="ReadFileAtCommit"/>, with the blob's id: one question to git for both.</summary>
    public (string Id, string Text)? ReadBlobAtCommit(string commitish, string repoPath)
    {
        if (ObjectName(commitish, repoPath) is not { } name || Objects.Find(name) is not { Type: "blob" } header)
        {
            return null;
        }

        if (recentBlobs.Find(b => b.Id == header.Id) is { Text: { } known })
        {
            return (header.Id, known);
        }

        // By id: the name may have moved on (a branch) between the two questions.
        var bytes = Objects.ReadBlob(header.Id);
        if (bytes is null)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        recentBlobs.Insert(0, (header.Id, text));
        if (recentBlobs.Count > RecentBlobLimit)
        {
            recentBlobs.RemoveAt(RecentBlobLimit);
        }

        return (header.Id, text);
    }

    public string? BlobIdAtCommit(string commitish, string repoPath) =>
        ObjectName(commitish, repoPath) is { } name && Objects.Find(name) is { Type: "blob" } header ? header.Id : null;

    /// <summary>Lines added and removed per file against the first parent (the empty tree for a root commit), like <c>git show --numstat --format=</c>.</summary>
    public IReadOnlyList<FileStat> NumStat(string commitId)
    {
        var commit = ResolveCommit(commitId) ?? throw RevisionNotFound(commitId);
        var patch = Repo.Diff.Compare<Patch>(commit.Parents.FirstOrDefault()?.Tree, commit.Tree, FindRenames);
        return patch
            .Select(e => e.IsBinaryComparison ? new FileStat(e.Path, 0, 0, true) : new FileStat(e.Path, e.LinesAdded, e.LinesDeleted, false))
            .OrderBy(s => s.Path, GitPathOrder.Instance)
            .ToList();
    }

    /// <summary>Up to <paramref name="max"/> commits reachable from <paramref name="fromCommitish"/>, in <c>git log</c>'s order; none on an unborn branch.</summary>
    public IReadOnlyList<CommitInfo> Log(string fromCommitish, int max)
    {
        if (max <= 0 || ResolveCommit(fromCommitish) is not { } from)
        {
            return [];
        }

        // Date order alone lets libgit2 stop after max commits; a topological sort would walk the whole history.
        var filter = new CommitFilter { IncludeReachableFrom = from, SortBy = CommitSortStrategies.Time };
        return Repo.Commits.QueryBy(filter).Take(max).Select(CommitInfo.From).ToList();
    }

    private Commit? ResolveCommit(string commitish)
    {
        if (string.IsNullOrEmpty(commitish))
        {
            return null;
        }

        try
        {
            return PeelToCommit(Repo.Lookup(commitish));
        }
        catch (LibGit2SharpException)
        {
            // Not a valid name, or an ambiguous short id: no commit by that name.
            return null;
        }
    }

    /// <summary>A commit, or the commit an annotated tag points at; null for trees and blobs.</summary>
    private static Commit? PeelToCommit(GitObject? target)
    {
        try
        {
            return target is null ? null : target as Commit ?? target.Peel<Commit>();
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>
    /// git's name for a file in a commit (<c>&lt;commit&gt;:&lt;path&gt;</c>), or null for a path no tree
    /// can hold. A relative path (<c>./</c>, <c>../</c>) would be taken from git's working directory,
    /// and one outside the repository stops the reader, so those never reach git.
    /// </summary>
    private static string? ObjectName(string commitish, string repoPath)
    {
        if (string.IsNullOrEmpty(commitish) || commitish.AsSpan().IndexOfAny(":\n\r\0") >= 0 || !IsTreePath(repoPath))
        {
            return null;
        }

        return commitish + ":" + repoPath;
    }

    /// <summary>A path as a tree holds it: components split by <c>/</c>, none empty, <c>.</c> or <c>..</c>, on one line.</summary>
    private static bool IsTreePath(string repoPath) =>
        repoPath.Length > 0
        && repoPath.AsSpan().IndexOfAny("\n\r\0") < 0
        && repoPath.Split('/').All(part => part is not ("" or "." or ".."));

    private SessionHooksException RevisionNotFound(string name) =>
        new(DiagnosticCatalog.RevisionNotFound.ForFile(GitDir, $"'{name}' is not a commit in this repository"));
}
