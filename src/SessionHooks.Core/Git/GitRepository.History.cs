using System.Text;
using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
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
    /// newest first, like <c>git rev-list --date-order &lt;local&gt; ^&lt;remote&gt; --not --remotes=&lt;remoteName&gt;</c>.
    /// </summary>
    public IReadOnlyList<CommitInfo> CommitsToPush(string localOid, string remoteName, string? remoteOid)
    {
        if (ObjectIds.IsZero(localOid))
        {
            return [];
        }

        var local = (ObjectIds.IsObjectId(localOid) ? ResolveCommit(localOid) : null) ?? throw RevisionNotFound(localOid);

        // A remote tip this repository never fetched excludes nothing, as with rev-list --ignore-missing.
        var prefix = "refs/remotes/" + remoteName + "/";
        var excluded = Repo.Refs
            .Where(r => r.CanonicalName.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => PeelToCommit(r.ResolveToDirectReference()?.Target))
            .OfType<Commit>()
            .ToList();
        if (remoteOid is not null && !ObjectIds.IsZero(remoteOid) && ObjectIds.IsObjectId(remoteOid) && ResolveCommit(remoteOid) is { } remote)
        {
            excluded.Add(remote);
        }

        // Topological as well as by date, so a child is listed before its parents even when clocks were skewed.
        var filter = new CommitFilter
        {
            IncludeReachableFrom = local,
            ExcludeReachableFrom = excluded,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
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
    /// <remarks>The last two blobs read are kept: a push reads each commit's worklog twice (as the commit's, then as its child's parent's).</remarks>
    public string? ReadFileAtCommit(string commitish, string repoPath) => ReadBlobAtCommit(commitish, repoPath)?.Text;

    /// <summary>As <see cref="ReadFileAtCommit"/>, with the blob's id.</summary>
    public (string Id, string Text)? ReadBlobAtCommit(string commitish, string repoPath)
    {
        if (BlobAtCommit(commitish, repoPath) is not { } blob)
        {
            return null;
        }

        var id = blob.Sha;
        if (recentBlobs.Find(b => b.Id == id) is { Text: { } known })
        {
            return (id, known);
        }

        var text = BlobText(blob);
        recentBlobs.Insert(0, (id, text));
        if (recentBlobs.Count > RecentBlobLimit)
        {
            recentBlobs.RemoveAt(RecentBlobLimit);
        }

        return (id, text);
    }

    public string? BlobIdAtCommit(string commitish, string repoPath) => BlobAtCommit(commitish, repoPath)?.Sha;

    /// <summary>A file's bytes in a commit, exactly as git stores them (a check must see a byte that is not UTF-8, not its replacement); null when the commit or the file is not there.</summary>
    public (string Id, byte[] Bytes)? ReadBlobBytesAtCommit(string commitish, string repoPath)
    {
        if (BlobAtCommit(commitish, repoPath) is not { } blob)
        {
            return null;
        }

        using var stream = blob.GetContentStream();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return (blob.Sha, bytes.ToArray());
    }

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

    /// <summary>The blob at <paramref name="repoPath"/> in a commit; null when the commit, the path or a blob there is missing.</summary>
    private Blob? BlobAtCommit(string commitish, string repoPath) =>
        IsTreePath(repoPath) && ResolveCommit(commitish) is { } commit && commit[repoPath]?.Target is Blob blob ? blob : null;

    /// <summary>A blob's bytes as UTF-8 text, as git stores them (no filters, no line-ending conversion).</summary>
    private static string BlobText(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }

    /// <summary>A path as a tree holds it: components split by <c>/</c>, none empty, <c>.</c> or <c>..</c>, on one line.</summary>
    private static bool IsTreePath(string repoPath) =>
        repoPath.Length > 0
        && repoPath.AsSpan().IndexOfAny("\n\r\0") < 0
        && repoPath.Split('/').All(part => part is not ("" or "." or ".."));

    private SessionHooksException RevisionNotFound(string name) =>
        new(DiagnosticCatalog.RevisionNotFound.ForFile(GitDir, $"'{name}' is not a commit in this repository"));
}
