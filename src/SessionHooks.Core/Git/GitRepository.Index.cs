using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    private static readonly CompareOptions FindRenames = new() { Similarity = SimilarityOptions.Renames };

    /// <summary>HEAD (the empty tree when unborn) against the index being committed, like <c>git diff --cached -M --name-status</c>.</summary>
    public IReadOnlyList<StagedChange> StagedChanges() => StagedChangesAgainst(Head.CommitId);

    /// <summary>As <see cref="StagedChanges"/> against another commit (null: the empty tree), e.g. HEAD's parent for <c>commit --amend</c>.</summary>
    public IReadOnlyList<StagedChange> StagedChangesAgainst(string? commitId)
    {
        var tree = commitId is null ? null : (ResolveCommit(commitId) ?? throw RevisionNotFound(commitId)).Tree;
        var changes = Repo.Diff.Compare<TreeChanges>(tree, DiffTargets.Index, null, null, FindRenames);
        return changes
            .Select(ToStagedChange)
            .OfType<StagedChange>()
            .OrderBy(c => c.Path, GitPathOrder.Instance)
            .ToList();
    }

    /// <summary>
    /// Stages the worktree's version of each path (or its removal) into the index being committed.
    /// A <c>git commit --only</c> commits a temporary index while the real one waits in
    /// <c>index.lock</c>; the paths go there too, or <c>git status</c> would show them changed afterwards.
    /// </summary>
    public void Stage(IReadOnlyList<string> repoPaths)
    {
        var root = WorktreeRoot ?? throw new SessionHooksException(
            DiagnosticCatalog.GitUnsupported.ForFile(GitDir, "a bare repository has no worktree to stage from"));
        try
        {
            StageInto(Repo.Index, root, repoPaths);
            var realIndex = Path.Combine(GitDir, "index.lock");
            if (!SamePath(IndexFile, realIndex) && !SamePath(IndexFile, Path.Combine(GitDir, "index")) && File.Exists(realIndex))
            {
                using var waiting = new Repository(GitDir, new RepositoryOptions { IndexPath = realIndex, WorkingDirectoryPath = root });
                StageInto(waiting.Index, root, repoPaths);
            }
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.InternalError.ForFile(IndexFile, $"could not stage {string.Join(", ", repoPaths)}: {OneLine(exception.Message)}"),
                exception);
        }
    }

    /// <summary>The text of a path in the index being committed (stage 0); null when it is not there.</summary>
    public string? ReadFileFromIndex(string repoPath)
    {
        var entry = Repo.Index[repoPath];
        return entry is null ? null : BlobText(Repo.Lookup<Blob>(entry.Id));
    }

    /// <summary>
    /// Which of these paths differ from HEAD in the index or the worktree, untracked ones included
    /// and ignored ones not, like <c>git status --porcelain -- &lt;paths&gt;</c>. A folder counts when anything under it does.
    /// </summary>
    public IReadOnlyList<string> PathsChangedSinceHead(IReadOnlyList<string> repoPaths)
    {
        if (repoPaths.Count == 0)
        {
            return [];
        }

        var options = new StatusOptions
        {
            PathSpec = repoPaths.ToArray(),
            DisablePathSpecMatch = true,
            IncludeIgnored = false,
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
        };
        var changed = Repo.RetrieveStatus(options)
            .Where(e => e.State is not (FileStatus.Unaltered or FileStatus.Ignored))
            .Select(e => e.FilePath)
            .ToList();
        return repoPaths
            .Where(p => changed.Exists(c => c == p || c.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static void StageInto(LibGit2Sharp.Index index, string root, IReadOnlyList<string> repoPaths)
    {
        foreach (var path in repoPaths)
        {
            var full = Path.Combine(root, path);
            if (File.Exists(full) || new FileInfo(full).LinkTarget is not null)
            {
                index.Add(path);
            }
            else
            {
                index.Remove(path);
            }
        }

        index.Write();
    }

    private static StagedChange? ToStagedChange(TreeEntryChanges change) => change.Status switch
    {
        LibGit2Sharp.ChangeKind.Added => new StagedChange(change.Path, Model.ChangeKind.Added),
        LibGit2Sharp.ChangeKind.Deleted => new StagedChange(change.Path, Model.ChangeKind.Deleted),
        LibGit2Sharp.ChangeKind.Modified => new StagedChange(change.Path, Model.ChangeKind.Modified),
        LibGit2Sharp.ChangeKind.Renamed => new StagedChange(change.Path, Model.ChangeKind.Renamed, change.OldPath),
        LibGit2Sharp.ChangeKind.Copied => new StagedChange(change.Path, Model.ChangeKind.Copied, change.OldPath),
        LibGit2Sharp.ChangeKind.TypeChanged => new StagedChange(change.Path, Model.ChangeKind.TypeChanged),

        // An unresolved conflict cannot be committed; should one be asked about, it is a modification.
        LibGit2Sharp.ChangeKind.Conflicted => new StagedChange(change.Path, Model.ChangeKind.Modified),
        _ => null,
    };

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
