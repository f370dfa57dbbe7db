namespace SessionHooks.Git;

/// <summary>
/// A repository's git configuration, for callers that hold a worktree path rather than an open
/// <see cref="GitRepository"/> (install, uninstall). Each call opens the repository as a hook sees
/// it: git's variables of this process are kept, since a hook's are its own repository's.
/// </summary>
internal static class GitConfig
{
    /// <summary>The value in the repository's local config (<c>.git/config</c>), or null when unset.</summary>
    public static string? Get(string worktreeRoot, string key)
    {
        using var git = GitRepository.Open(worktreeRoot);
        return git.GetConfig(key);
    }

    /// <summary>The value git itself would use (local, global or system), or null when unset.</summary>
    /// <param name="asPath">Expands <c>~/</c> as git does for path-valued keys such as <c>core.hooksPath</c>.</param>
    public static string? GetEffective(string worktreeRoot, string key, bool asPath = false)
    {
        using var git = GitRepository.Open(worktreeRoot);
        return git.GetEffectiveConfig(key, asPath);
    }

    /// <summary>Sets the value in the local config.</summary>
    public static void Set(string worktreeRoot, string key, string value)
    {
        using var git = GitRepository.Open(worktreeRoot);
        git.SetConfig(key, value);
    }

    /// <summary>Removes the key from the local config; true when it was set.</summary>
    public static bool Unset(string worktreeRoot, string key)
    {
        using var git = GitRepository.Open(worktreeRoot);
        return git.UnsetConfig(key);
    }
}
