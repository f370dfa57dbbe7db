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

        var result = GitCli.Run(start, ["rev-parse", "--show-toplevel", "--git-common-dir"]);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (!result.Succeeded || lines.Length < 2)
        {
            var reason = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "git rev-parse failed";
            throw NotARepository(start, reason.Replace("fatal: ", "", StringComparison.Ordinal));
        }

        var root = Path.GetFullPath(lines[0]);
        return new RepositoryPaths(root, Path.GetFullPath(lines[1], start));
    }

    private static SessionHooksException NotARepository(string path, string reason) =>
        new(DiagnosticCatalog.NotARepository.ForFile(path, $"cannot install hooks here: {reason}",
            "run the command in a clone's working tree (not a bare repository)"));
}
