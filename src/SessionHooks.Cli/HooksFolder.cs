using SessionHooks.Git;

namespace SessionHooks.Cli;

/// <summary>Where the hook programs are: the folder this CLI runs from, which ships them beside it.</summary>
internal static class HooksFolder
{
    public const string ConfigKey = "sessionhooks.hooksdir";

    public static string? Locate(string worktreeRoot)
    {
        var own = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(Path.Combine(own, "sessionhooks-pre-commit.dll")))
        {
            return own;
        }

        return GitConfig.Get(worktreeRoot, ConfigKey) is { } configured && Directory.Exists(configured) ? configured : null;
    }
}
