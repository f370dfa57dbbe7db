using LibGit2Sharp;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using GitChange = LibGit2Sharp.ChangeKind;
using ChangeKind = SessionHooks.Records.ChangeKind;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
{
    private static readonly CompareOptions StagedRenames = new() { Similarity = SimilarityOptions.Renames };

    /// <summary>HEAD (the empty tree when unborn) against the index being committed, like <c>git diff --cached -M --name-status</c>.</summary>
    public IReadOnlyList<StagedChange> StagedChanges() => StagedChangesAgainst(Head.CommitId);

    /// <summary>As <see cref="StagedChanges"/> against another commit (null: the empty tree), e.g. HEAD's parent for <c>commit --amend</c>.</summary>
    public IReadOnlyList<StagedChange> StagedChangesAgainst(string? commitId)
    {
        Tree? tree = null;
        if (commitId is not null)
        {
            tree = (ObjectIds.IsObjectId(commitId) ? ResolveCommit(commitId) : null)?.Tree ?? throw RevisionNotFound(commitId);
        }

        try
        {
            var changes = IndexRepo.Diff.Compare<TreeChanges>(tree, DiffTargets.Index, null, null, StagedRenames);
            return changes
                .Select(c => KindOf(c.Status) is { } kind
                    ? new StagedChange(c.Path, kind, kind is ChangeKind.Renamed or ChangeKind.Copied ? c.OldPath : null)
                    : null)
                .OfType<StagedChange>()
                .OrderBy(c => c.Path, GitPathOrder.Instance)
                .ToList();
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(IndexFile, $"reading the staged changes failed: {OneLine(exception.Message)}"), exception);
        }
    }

    /// <summary>
    /// Stages the worktree's version of each path (or its removal) into the index being committed,
    /// as <c>git add</c> would (libgit2 applies the <c>text</c>/<c>eol</c> attributes and <c>core.autocrlf</c>).
    /// A <c>git commit --only</c> commits a temporary index while the real one waits in
    /// <c>index.lock</c>; the paths go there too, or <c>git status</c> would show them changed afterwards.
    /// </summary>
    public void Stage(IReadOnlyList<string> repoPaths)
    {
        if (WorktreeRoot is null)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.GitUnsupported.ForFile(GitDir, "a bare repository has no worktree to stage from"));
        }

        StageInto(IndexRepo, IndexFile, repoPaths);
        var realIndex = Path.Combine(GitDir, "index.lock");
        if (!SamePath(IndexFile, realIndex) && !SamePath(IndexFile, Path.Combine(GitDir, "index")) && File.Exists(realIndex))
        {
            using var waiting = OpenLibGit2(GitDir, WorktreeRoot, realIndex);
            StageInto(waiting, realIndex, repoPaths);
        }
    }

    /// <summary>The text of a path in the index being committed (stage 0); null when it is not there.</summary>
    public string? ReadFileFromIndex(string repoPath) =>
        IsTreePath(repoPath) && IndexRepo.Index[repoPath] is { StageLevel: StageLevel.Staged } entry && IndexRepo.Lookup<Blob>(entry.Id) is { } blob
            ? BlobText(blob)
            : null;

    /// <summary>
    /// Which of these paths differ from HEAD in the index or the worktree, untracked ones included
    /// and ignored ones not, like <c>git status --porcelain -- &lt;paths&gt;</c>. A folder counts when anything under it does.
    /// </summary>
    public IReadOnlyList<string> PathsChangedSinceHead(IReadOnlyList<string> repoPaths)
    {
        if (repoPaths.Count == 0 || WorktreeRoot is null)
        {
            return [];
        }

        // One status per path: libgit2 walks the common prefix of all the paths asked at once, which for
        // .sessions/ai_sessions.json and .sessions/worklog/<id> is every file under .sessions/.
        // Status only looks: libgit2 does not write the refreshed index back (git's GIT_OPTIONAL_LOCKS=0).
        return repoPaths
            .Distinct(StringComparer.Ordinal)
            .Where(path => IndexRepo.RetrieveStatus(StatusOf(path)).Any(e => e.State is not (FileStatus.Unaltered or FileStatus.Ignored)
                // libgit2 reads the path as a pattern too ("star*.json" would match starry.json): keep the path itself and what is under it.
                && (e.FilePath == path || e.FilePath.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal))))
            .ToList();
    }

    private static StatusOptions StatusOf(string repoPath) => new()
    {
        Show = StatusShowOption.IndexAndWorkDir,
        PathSpec = [repoPath.TrimEnd('/')],
        IncludeUntracked = true,
        RecurseUntrackedDirs = true,
        IncludeIgnored = false,
        DetectRenamesInIndex = false,
        DetectRenamesInWorkDir = false,
        ExcludeSubmodules = false,
    };

    private static void StageInto(Repository target, string indexFile, IReadOnlyList<string> repoPaths)
    {
        try
        {
            var index = target.Index;
            foreach (var path in repoPaths)
            {
                if (File.Exists(Path.Combine(target.Info.WorkingDirectory, path)))
                {
                    index.Add(path);
                }
                else if (index[path] is not null)
                {
                    index.Remove(path);
                }
            }

            index.Write();
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(indexFile, $"staging {string.Join(", ", repoPaths)} failed: {OneLine(exception.Message)}"), exception);
        }
    }

    private static ChangeKind? KindOf(GitChange status) => status switch
    {
        GitChange.Added => ChangeKind.Added,
        GitChange.Deleted => ChangeKind.Deleted,
        GitChange.Modified => ChangeKind.Modified,
        GitChange.Renamed => ChangeKind.Renamed,
        GitChange.Copied => ChangeKind.Copied,
        GitChange.TypeChanged => ChangeKind.TypeChanged,

        // An unresolved conflict cannot be committed; should one be asked about, it is a modification.
        GitChange.Conflicted => ChangeKind.Modified,
        _ => null,
    };

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
