namespace SessionHooks.Git;

/// <summary>
/// The variables git gives its hooks that decide which repository, worktree and index they work on.
/// Relative <see cref="GitDir"/> and <see cref="WorkTree"/> are taken from the start directory;
/// a relative <see cref="IndexFile"/> from the worktree root, where git itself resolves it.
/// </summary>
internal sealed record GitEnvironment(string? GitDir = null, string? WorkTree = null, string? IndexFile = null)
{
    /// <summary>No variables: discover the repository from the start directory.</summary>
    public static GitEnvironment None { get; } = new();

    /// <summary>
    /// True when these are this process's own variables, so git commands run for this repository
    /// may inherit them; otherwise such commands start from a clean git environment.
    /// </summary>
    public bool IsInherited { get; private init; }

    public static GitEnvironment FromProcess() => new(
        Read("GIT_DIR"),
        Read("GIT_WORK_TREE"),
        Read("GIT_INDEX_FILE"))
    {
        IsInherited = true,
    };

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
