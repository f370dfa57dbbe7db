using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

/// <summary>
/// The one place that knows git. Opened once per hook or command; it reads the repository, worktree
/// and index that git gives the running hook (<c>GIT_DIR</c>, <c>GIT_WORK_TREE</c>, <c>GIT_INDEX_FILE</c>).
/// Where the repository is, HEAD and operations in progress are read from git's files; what the
/// hooks ask beyond that (staged changes, staging, the commits a push sends, files at a commit,
/// status) goes to git's plumbing, since starting git costs a hook less than loading libgit2
/// (about 25 ms). libgit2 serves what only the CLI asks (logs, line counts, ancestry), opened on first use.
/// </summary>
public sealed partial class GitRepository : IDisposable
{
    private readonly RepositoryLayout layout;
    private readonly GitEnvironment environment;
    private Repository? opened;
    private ObjectReader? reader;

    private GitRepository(RepositoryLayout layout, GitEnvironment environment)
    {
        this.layout = layout;
        this.environment = environment;
    }

    /// <summary>The worktree root; null for a bare repository.</summary>
    public string? WorktreeRoot => layout.WorktreeRoot;

    /// <summary>This worktree's git directory (<c>.git/worktrees/&lt;name&gt;</c> for a linked worktree).</summary>
    public string GitDir => layout.GitDir;

    /// <summary>The git directory all worktrees share.</summary>
    public string CommonDir => layout.CommonDir;

    public bool IsLinkedWorktree => !string.Equals(layout.GitDir, layout.CommonDir, StringComparison.Ordinal);

    /// <summary>The index this repository reads and stages into.</summary>
    public string IndexFile => layout.IndexFile ?? Path.Combine(layout.GitDir, "index");

    public HeadInfo Head => HeadFiles.Read(layout.GitDir, layout.CommonDir);

    public InProgressOperation Operation => OperationState.Read(layout.GitDir);

    /// <summary>The commit being merged while a merge is concluded (the first, for an octopus merge).</summary>
    public string? MergeHead => OperationState.MergeHead(layout.GitDir);

    /// <summary>Opens the repository around <paramref name="startDirectory"/> as a hook sees it, from this process's git variables.</summary>
    /// <param name="indexPath">The index to use; null for <c>GIT_INDEX_FILE</c> when set, else the repository's own.</param>
    public static GitRepository Open(string startDirectory, string? indexPath = null) =>
        Open(startDirectory, GitEnvironment.FromProcess(), indexPath);

    /// <summary>Opens the repository with the git variables given, ignoring this process's own.</summary>
    public static GitRepository Open(string startDirectory, GitEnvironment environment, string? indexPath = null) =>
        new(RepositoryLayout.Resolve(startDirectory, environment, indexPath), environment);

    public void Dispose()
    {
        reader?.Dispose();
        opened?.Dispose();
    }

    /// <summary>Whether anything asked so far needed libgit2; what the hooks ask must not.</summary>
    internal bool HasOpenedLibGit2 => opened is not null;

    /// <summary>The libgit2 repository, opened on first use.</summary>
    private Repository Repo => opened ??= OpenLibGit2(layout);

    private static Repository OpenLibGit2(RepositoryLayout layout)
    {
        try
        {
            var options = new RepositoryOptions
            {
                IndexPath = layout.IndexFile,
                WorkingDirectoryPath = layout.WorktreeRoot,
            };
            return new Repository(layout.GitDir, options);
        }
        catch (RepositoryNotFoundException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.NotARepository.ForFile(layout.GitDir, OneLine(exception.Message)), exception);
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.GitUnsupported.ForFile(layout.GitDir, $"libgit2 cannot open the repository: {OneLine(exception.Message)}"), exception);
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.GitUnsupported.ForFile(layout.GitDir, $"libgit2, which SessionHooks ships for its runtimes, cannot be loaded on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}", "reinstall SessionHooks; on a runtime LibGit2Sharp.NativeBinaries does not cover, SessionHooks cannot run"),
                exception);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
