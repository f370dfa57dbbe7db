using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

/// <summary>
/// Reads and writes a repository's git configuration through the git command line. It keeps the
/// hook's <c>GIT_*</c> environment: when called from a hook, it is the same repository.
/// </summary>
public static class GitConfig
{
    // git config's documented exit codes: 1 = the key is not set (get), 5 = nothing to unset.
    private const int KeyNotSet = 1;
    private const int NothingToUnset = 5;

    /// <summary>The value in the repository's local config (<c>.git/config</c>), or null when unset.</summary>
    public static string? Get(string worktreeRoot, string key) =>
        Read(worktreeRoot, ["config", "--local", "--get", key]);

    /// <summary>The value git itself would use (local, global or system), or null when unset.</summary>
    /// <param name="asPath">Expands <c>~/</c> as git does for path-valued keys such as <c>core.hooksPath</c>.</param>
    public static string? GetEffective(string worktreeRoot, string key, bool asPath = false) =>
        Read(worktreeRoot, asPath ? ["config", "--type=path", "--get", key] : ["config", "--get", key]);

    /// <summary>Sets the value in the local config.</summary>
    public static void Set(string worktreeRoot, string key, string value)
    {
        var result = GitCli.Run(worktreeRoot, ["config", "--local", key, value]);
        if (!result.Succeeded)
        {
            throw Failure(result, key);
        }
    }

    /// <summary>Removes the key from the local config; true when it was set.</summary>
    public static bool Unset(string worktreeRoot, string key)
    {
        var result = GitCli.Run(worktreeRoot, ["config", "--local", "--unset-all", key]);
        return result.ExitCode switch
        {
            0 => true,
            NothingToUnset => false,
            _ => throw Failure(result, key),
        };
    }

    private static string? Read(string worktreeRoot, IReadOnlyList<string> arguments)
    {
        var result = GitCli.Run(worktreeRoot, arguments);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n', '\r'),
            KeyNotSet when result.StandardError.Length == 0 => null,
            _ => throw Failure(result, arguments[^1]),
        };
    }

    private static SessionHooksException Failure(GitCliResult result, string key)
    {
        var message = result.FirstErrorLine;
        return message.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
            ? new SessionHooksException(DiagnosticCatalog.NotARepository.ForFile(".", message))
            : new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(".git/config", $"git config {key} failed: {message}"));
    }
}
