using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

/// <summary>
/// The one place that knows git. Opened once per hook or command, it reads the repository, worktree
/// and index that git gives the running hook (<c>GIT_DIR</c>, <c>GIT_WORK_TREE</c>, <c>GIT_INDEX_FILE</c>).
/// Everything is asked of libgit2 in-process (LibGit2Sharp); the <c>git</c> command runs only where
/// libgit2 cannot do the job, or would cost more as history grows (the index, which holds every
/// record file), each place saying why (<see cref="RunGit"/>).
/// </summary>
internal sealed partial class GitRepository : IDisposable
{
    private readonly Repository repo;
    private readonly GitEnvironment environment;
    private readonly string? indexFile;
    private Repository? indexed;

    private GitRepository(Repository repo, GitEnvironment environment, string gitDir, string commonDir, string? worktreeRoot, string? indexFile)
    {
        this.repo = repo;
        this.environment = environment;
        this.indexFile = indexFile;
        GitDir = gitDir;
        CommonDir = commonDir;
        WorktreeRoot = worktreeRoot;
    }

    /// <summary>The worktree root; null for a bare repository.</summary>
    public string? WorktreeRoot { get; }

    /// <summary>This worktree's git directory (<c>.git/worktrees/&lt;name&gt;</c> for a linked worktree).</summary>
    public string GitDir { get; }

    /// <summary>The git directory all worktrees share.</summary>
    public string CommonDir { get; }

    public bool IsLinkedWorktree => !string.Equals(GitDir, CommonDir, StringComparison.Ordinal);

    /// <summary>The index this repository reads and stages into.</summary>
    public string IndexFile => indexFile ?? Path.Combine(GitDir, "index");

    public HeadInfo Head
    {
        get
        {
            var head = repo.Head;
            if (repo.Info.IsHeadDetached)
            {
                return new HeadInfo(null, head.Tip?.Sha, IsDetached: true, IsUnborn: false);
            }

            var target = head.Reference is SymbolicReference symbolic ? symbolic.TargetIdentifier : head.CanonicalName;
            var branch = target.StartsWith("refs/heads/", StringComparison.Ordinal) ? target["refs/heads/".Length..] : target;
            var commit = head.Tip?.Sha;
            return new HeadInfo(branch, commit, IsDetached: false, IsUnborn: commit is null);
        }
    }

    public InProgressOperation Operation => repo.Info.CurrentOperation switch
    {
        CurrentOperation.Merge => InProgressOperation.Merge,
        CurrentOperation.Revert or CurrentOperation.RevertSequence => InProgressOperation.Revert,
        CurrentOperation.CherryPick or CurrentOperation.CherryPickSequence => InProgressOperation.CherryPick,
        CurrentOperation.Bisect => InProgressOperation.Bisect,
        CurrentOperation.Rebase or CurrentOperation.RebaseInteractive or CurrentOperation.RebaseMerge or CurrentOperation.ApplyMailboxOrRebase => InProgressOperation.Rebase,
        CurrentOperation.ApplyMailbox => InProgressOperation.ApplyMailbox,
        _ => InProgressOperation.None,
    };

    /// <summary>The commit being merged while a merge is concluded (the first, for an octopus merge).</summary>
    public string? MergeHead => ResolveCommit("MERGE_HEAD")?.Sha;

    /// <summary>Opens the repository around <paramref name="startDirectory"/> as a hook sees it, from this process's git variables.</summary>
    /// <param name="indexPath">The index to use; null for <c>GIT_INDEX_FILE</c> when set, else the repository's own.</param>
    public static GitRepository Open(string startDirectory, string? indexPath = null) =>
        Open(startDirectory, GitEnvironment.FromProcess(), indexPath);

    /// <summary>Opens the repository with the git variables given, ignoring this process's own.</summary>
    public static GitRepository Open(string startDirectory, GitEnvironment environment, string? indexPath = null)
    {
        LibGit2Library.Locate();
        var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(startDirectory));
        if (!Directory.Exists(start))
        {
            throw NotARepository(start, $"'{start}' does not exist");
        }

        string gitDir;
        if (environment.GitDir is { } named)
        {
            gitDir = Path.GetFullPath(named, start);
            if (!Repository.IsValid(gitDir))
            {
                throw NotARepository(start, $"GIT_DIR names '{Path.TrimEndingDirectorySeparator(gitDir)}', which is not a git directory");
            }
        }
        else
        {
            gitDir = Discover(start) ?? throw NotARepository(start, $"'{start}' is not inside a git repository");
        }

        var repo = OpenLibGit2(gitDir, environment.WorkTree is { } workTree ? Path.GetFullPath(workTree, start) : null, null);
        try
        {
            gitDir = Path.TrimEndingDirectorySeparator(repo.Info.Path);
            var commonDir = CommonDirOf(gitDir);
            var root = repo.Info.WorkingDirectory is { } workdir ? Path.TrimEndingDirectorySeparator(workdir) : null;
            if (environment.GitDir is not null && environment.WorkTree is null && root is not null
                && string.Equals(gitDir, commonDir, StringComparison.Ordinal) && ConfiguredWorktree(commonDir) is null)
            {
                // git's rule: with GIT_DIR and no worktree configured, the current directory is the worktree root.
                root = start;
            }

            // A relative index path is taken from the worktree root, where git runs and resolves it.
            var index = indexPath ?? environment.IndexFile;
            var indexFile = index is null ? null : Path.GetFullPath(index, root ?? gitDir);
            return new GitRepository(repo, environment, gitDir, commonDir, root, indexFile);
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        indexed?.Dispose();
        repo.Dispose();
    }

    /// <summary>The libgit2 repository, for all but the index.</summary>
    private Repository Repo => repo;

    /// <summary>
    /// The libgit2 repository reading and writing <see cref="IndexFile"/>: the repository itself
    /// unless git named another index (a commit's <c>index.lock</c>, a temporary index).
    /// </summary>
    private Repository IndexRepo => indexFile is null ? repo : indexed ??= OpenLibGit2(GitDir, WorktreeRoot, indexFile);

    /// <summary>
    /// The git dir for <paramref name="start"/>, found as git finds it: the nearest folder upwards that
    /// holds a <c>.git</c> folder or file, or is a git dir itself. Walked here, each step asked of
    /// libgit2, because LibGit2Sharp's <c>Repository.Discover</c> answers null in a NativeAOT program.
    /// </summary>
    private static string? Discover(string start)
    {
        try
        {
            for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                var dotGit = Path.Combine(directory, ".git");
                if ((Directory.Exists(dotGit) || File.Exists(dotGit)) && Repository.IsValid(dotGit))
                {
                    return dotGit;
                }

                if (Repository.IsValid(directory))
                {
                    return directory;
                }
            }

            return null;
        }
        catch (LibGit2SharpException exception)
        {
            throw Unsupported(start, exception);
        }
    }

    private static Repository OpenLibGit2(string gitDir, string? worktreeRoot, string? indexPath)
    {
        try
        {
            return new Repository(gitDir, new RepositoryOptions { WorkingDirectoryPath = worktreeRoot, IndexPath = indexPath });
        }
        catch (RepositoryNotFoundException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.NotARepository.ForFile(gitDir, OneLine(exception.Message)), exception);
        }
        catch (LibGit2SharpException exception)
        {
            throw Unsupported(gitDir, exception);
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.GitUnsupported.ForFile(
                    gitDir,
                    $"libgit2, which SessionHooks ships for its runtimes, cannot be loaded on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}",
                    "reinstall SessionHooks; on a runtime LibGit2Sharp.NativeBinaries does not cover, SessionHooks cannot run"),
                exception);
        }
    }

    private static SessionHooksException Unsupported(string gitDir, LibGit2SharpException exception) =>
        exception.Message.Contains("object format", StringComparison.OrdinalIgnoreCase)
            ? new SessionHooksException(DiagnosticCatalog.GitUnsupported.ForFile(
                Path.TrimEndingDirectorySeparator(gitDir),
                "this repository names its objects with SHA-256, which libgit2 1.9 (bundled with LibGit2Sharp 0.32) is built without",
                "use SessionHooks in a SHA-1 repository; git itself reads SHA-256 repositories, libgit2 does not yet"))
            : new SessionHooksException(DiagnosticCatalog.GitUnsupported.ForFile(
                Path.TrimEndingDirectorySeparator(gitDir), $"libgit2 cannot open the repository: {OneLine(exception.Message)}"));

    /// <summary>
    /// The git directory all worktrees share. libgit2 knows it (<c>git_repository_commondir</c>) but
    /// LibGit2Sharp does not expose it: a linked worktree's git dir names it in its <c>commondir</c> file.
    /// </summary>
    private static string CommonDirOf(string gitDir)
    {
        var file = Path.Combine(gitDir, "commondir");
        var common = File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
        return string.IsNullOrEmpty(common) ? gitDir : Path.TrimEndingDirectorySeparator(Path.GetFullPath(common, gitDir));
    }

    private static SessionHooksException NotARepository(string start, string message) =>
        new(DiagnosticCatalog.NotARepository.ForFile(start, message));

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
