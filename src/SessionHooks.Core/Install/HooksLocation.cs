using SessionHooks.Git;

namespace SessionHooks.Install;

internal enum HooksLocationKind
{
    /// <summary><c>.husky/</c>, git told so by <c>core.hooksPath</c>.</summary>
    Husky,

    /// <summary>A folder the user chose with <c>core.hooksPath</c>.</summary>
    Configured,

    /// <summary>The repository's own <c>hooks/</c> folder, already holding the user's hooks.</summary>
    GitHooks,

    /// <summary>
    /// A folder outside the worktree and its git dir, named by <c>core.hooksPath</c> (often the
    /// global config): a line there would run in every repository git runs those hooks for.
    /// </summary>
    Outside,
}

/// <summary>Where git looks for this repository's hooks, and so where SessionHooks' lines go.</summary>
internal sealed record HooksLocation(HooksLocationKind Kind, string Folder, string Display, bool SetHooksPath, string? Scope = null)
{
    public bool IsHusky => Kind == HooksLocationKind.Husky;

    /// <summary>
    /// Decides where the hooks go. <c>core.hooksPath</c> set anywhere (local, global, system) is the
    /// user's choice and is kept; when it names a folder outside the worktree and its git dir, the
    /// location is <see cref="HooksLocationKind.Outside"/> and nothing is written there. When it is
    /// unset but the repository's <c>hooks/</c> folder holds hooks of the user's, pointing git at
    /// <c>.husky/</c> would silently switch those off, so our lines go into that folder instead.
    /// Otherwise <c>core.hooksPath</c> is set to <c>.husky</c>.
    /// </summary>
    public static HooksLocation Resolve(string worktreeRoot, string commonGitDir)
    {
        var husky = Path.Combine(worktreeRoot, InstallLayout.HuskyFolder);
        var configured = GitConfigScopes.GetEffective(worktreeRoot, InstallLayout.HooksPathKey, asPath: true);
        if (configured is { Value.Length: > 0 })
        {
            // git takes a relative core.hooksPath from the worktree root, where it runs hooks.
            var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured.Value, worktreeRoot));
            if (SamePath(folder, husky))
            {
                return new(HooksLocationKind.Husky, husky, InstallLayout.HuskyFolder, SetHooksPath: false, configured.Scope);
            }

            return IsWithin(folder, worktreeRoot) || IsWithin(folder, commonGitDir)
                ? new(HooksLocationKind.Configured, folder, DisplayPath(worktreeRoot, folder), SetHooksPath: false, configured.Scope)
                : new(HooksLocationKind.Outside, folder, folder, SetHooksPath: false, configured.Scope);
        }

        var gitHooks = Path.Combine(commonGitDir, "hooks");
        return HoldsUserHooks(gitHooks)
            ? new(HooksLocationKind.GitHooks, gitHooks, DisplayPath(worktreeRoot, gitHooks), SetHooksPath: false)
            : new(HooksLocationKind.Husky, husky, InstallLayout.HuskyFolder, SetHooksPath: true);
    }

    /// <summary>A path as the user would write it: relative to the worktree root when inside it.</summary>
    public static string DisplayPath(string worktreeRoot, string path)
    {
        var relative = Path.GetRelativePath(worktreeRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    // Git runs a hook only when it is an executable file; the *.sample files git init writes are not.
    private static bool HoldsUserHooks(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder)
            .Any(f => !f.EndsWith(".sample", StringComparison.Ordinal) && IsExecutable(f));

    internal static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && !Path.IsPathRooted(relative) && relative.Split(['/', '\\'])[0] != "..";
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
