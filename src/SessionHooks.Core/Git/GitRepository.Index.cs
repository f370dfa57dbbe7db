using System.Text;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    // git's own name for the tree with nothing in it; it needs no object in the repository.
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    /// <summary>HEAD (the empty tree when unborn) against the index being committed, like <c>git diff --cached -M --name-status</c>.</summary>
    public IReadOnlyList<StagedChange> StagedChanges() => StagedChangesAgainst(Head.CommitId);

    /// <summary>As <see cref="StagedChanges"/> against another commit (null: the empty tree), e.g. HEAD's parent for <c>commit --amend</c>.</summary>
    /// <remarks>
    /// Asked of git's plumbing (<c>diff-index</c>, which no diff setting of the user changes), as is
    /// <see cref="Stage"/>: then a commit never loads libgit2, which costs pre-commit about 25 ms
    /// against about 10 ms for starting git twice.
    /// </remarks>
    public IReadOnlyList<StagedChange> StagedChangesAgainst(string? commitId)
    {
        if (commitId is not null && !ObjectIds.IsObjectId(commitId))
        {
            throw RevisionNotFound(commitId);
        }

        var result = RunGit(["diff-index", "--cached", "-M", "--name-status", "-z", commitId ?? EmptyTree, "--"]);
        if (!result.Succeeded)
        {
            throw result.StandardError.Contains("bad object", StringComparison.Ordinal) && commitId is not null
                ? RevisionNotFound(commitId)
                : CommandFailed(result, "diff-index", IndexFile);
        }

        return NameStatus.Parse(result.StandardOutput)
            .OrderBy(c => c.Path, GitPathOrder.Instance)
            .ToList();
    }

    /// <summary>
    /// Stages the worktree's version of each path (or its removal) into the index being committed,
    /// with git's own filters (line endings, clean filters) as <c>git add</c> would apply them.
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

        StageInto(IndexFile, repoPaths);

        // The object reader read the index once; a later question must see what was just staged.
        reader?.Dispose();
        reader = null;
        var realIndex = Path.Combine(GitDir, "index.lock");
        if (!SamePath(IndexFile, realIndex) && !SamePath(IndexFile, Path.Combine(GitDir, "index")) && File.Exists(realIndex))
        {
            StageInto(realIndex, repoPaths);
        }
    }

    /// <summary>The text of a path in the index being committed (stage 0); null when it is not there.</summary>
    public string? ReadFileFromIndex(string repoPath) =>
        IsTreePath(repoPath) && Objects.ReadBlob(":0:" + repoPath) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

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

        // The paths are names, not patterns; and a push only looks, so git takes no optional lock to refresh the index.
        var literal = new Dictionary<string, string?>
        {
            ["GIT_LITERAL_PATHSPECS"] = "1",
            ["GIT_GLOB_PATHSPECS"] = null,
            ["GIT_NOGLOB_PATHSPECS"] = null,
            ["GIT_ICASE_PATHSPECS"] = null,
            ["GIT_OPTIONAL_LOCKS"] = "0",
        };
        var result = RunGit(["status", "--porcelain", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=none", "--", .. repoPaths], extra: literal);
        if (!result.Succeeded)
        {
            throw CommandFailed(result, "status", IndexFile);
        }

        // Each entry is "XY <path>" ended by NUL; with renames off, no entry carries a second path.
        var changed = result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.Length > 3)
            .Select(e => e[3..])
            .ToList();
        return repoPaths
            .Where(p => changed.Exists(c => c == p || c.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private void StageInto(string indexFile, IReadOnlyList<string> repoPaths)
    {
        // --add stages a path that is new to the index, --remove one gone from the worktree.
        var result = RunGit(["update-index", "--add", "--remove", "--", .. repoPaths], indexFile);
        if (!result.Succeeded)
        {
            throw CommandFailed(result, $"update-index of {string.Join(", ", repoPaths)}", indexFile);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
