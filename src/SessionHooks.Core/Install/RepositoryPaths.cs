using SessionHooks.Diagnostics;
using SessionHooks.Git;

namespace SessionHooks.Install;

/// <summary>The worktree root and the git directory its clone shares with every linked worktree.</summary>
internal sealed record RepositoryPaths(string Root, string CommonGitDir)
{
    public static RepositoryPaths Resolve(string worktreeRoot)
    {
        var start = Path.GetFullPath(worktreeRoot);
        if (!Directory.Exists(start))
        {
            throw NotARepository(start, "the folder does not exist");
        }

        try
        {
            using var git = GitRepository.Open(start);
            return git.WorktreeRoot is { } root
                ? new RepositoryPaths(root, git.CommonDir)
                : throw NotARepository(start, "a bare repository has no working tree");
        }
        catch (SessionHooksException exception) when (exception.Diagnostic.Code == DiagnosticCatalog.NotARepository.Code)
        {
            throw NotARepository(start, exception.Diagnostic.Message);
        }
    }

    private static SessionHooksException NotARepository(string path, string reason) =>
        new(DiagnosticCatalog.NotARepository.ForFile(path, $"cannot install hooks here: {reason}",
            "run the command in a clone's working tree (not a bare repository)"));
}
