using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Runs git on this repository, worktree and index, as libgit2 would open them. The hook's own
    /// <c>GIT_*</c> variables are kept when this is the hook's repository (they may carry
    /// <c>git -c</c> settings); otherwise they are dropped, since they belong to another one.
    /// </summary>
    private GitCliResult RunGit(IReadOnlyList<string> arguments, string? indexFile = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["GIT_DIR"] = GitDir,
            ["GIT_INDEX_FILE"] = indexFile ?? IndexFile,
        };
        if (WorktreeRoot is { } root)
        {
            variables["GIT_WORK_TREE"] = root;
        }

        return GitCli.Run(WorktreeRoot ?? GitDir, arguments, otherRepository: !environment.IsInherited, variables: variables);
    }

    private static SessionHooksException CommandFailed(GitCliResult result, string command, string file)
    {
        var reason = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? $"exit code {result.ExitCode}";
        return new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(file, $"git {command} failed: {reason}"));
    }
}
