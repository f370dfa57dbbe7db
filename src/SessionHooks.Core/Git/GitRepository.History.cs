using System.Text;
using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    private static readonly CompareOptions FindRenames = new() { Similarity = SimilarityOptions.Renames };

    /// <summary>The commit a name resolves to (id, branch, tag, <c>HEAD~1</c>, …); null when there is none.</summary>
    public CommitInfo? FindCommit(string commitish) =>
        ResolveCommit(commitish) is { } commit ? CommitInfo.From(commit) : null;

    /// <summary>
    /// The commits a push of <paramref name="localOid"/> sends: reachable from it, not from
    /// <paramref name="remoteOid"/> (ignored when null or all zeros) nor from any <c>refs/remotes/&lt;remoteName&gt;/*</c>;
    /// newest first, like <c>git rev-list &lt;local&gt; ^&lt;remote&gt; --not --remotes=&lt;remoteName&gt;</c>.
    /// </summary>
    public IReadOnlyList<CommitInfo> CommitsToPush(string localOid, string remoteName, string? remoteOid)
    {
        if (ObjectIds.IsZero(localOid))
        {
            return [];
        }

        var local = ResolveCommit(localOid) ?? throw RevisionNotFound(localOid);
        var excluded = new List<Commit>();
        if (remoteOid is not null && !ObjectIds.IsZero(remoteOid) && ResolveCommit(remoteOid) is { } remote)
        {
            excluded.Add(remote);
        }

        var prefix = $"refs/remotes/{remoteName}/";
        foreach (var reference in Repo.Refs)
        {
            if (reference.CanonicalName.StartsWith(prefix, StringComparison.Ordinal)
                && PeelToCommit(reference.ResolveToDirectReference()?.Target) is { } tracked)
            {
                excluded.Add(tracked);
            }
        }

        // Topological as well as by date, so a child is listed before its parents even when clocks were skewed.
        var filter = new CommitFilter { IncludeReachableFrom = local, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        if (excluded.Count > 0)
        {
            filter.ExcludeReachableFrom = excluded;
        }

        return Repo.Commits.QueryBy(filter).Select(CommitInfo.From).ToList();
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
    public string? ReadFileAtCommit(string commitish, string repoPath) =>
        BlobAt(commitish, repoPath) is { } blob ? BlobText(blob) : null;

    public string? BlobIdAtCommit(string commitish, string repoPath) => BlobAt(commitish, repoPath)?.Sha;

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

    private Blob? BlobAt(string commitish, string repoPath)
    {
        try
        {
            return ResolveCommit(commitish)?[repoPath]?.Target as Blob;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>The blob's bytes as UTF-8, unfiltered; a byte order mark is kept for the file parser to report.</summary>
    private static string BlobText(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private SessionHooksException RevisionNotFound(string name) =>
        new(DiagnosticCatalog.RevisionNotFound.ForFile(GitDir, $"'{name}' is not a commit in this repository"));
}
