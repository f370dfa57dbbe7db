namespace SessionHooks.Git;

/// <summary>Lines added and removed in one file, as <c>git show --numstat</c> counts them; binary files count none.</summary>
internal sealed record FileStat(string Path, int Added, int Removed, bool Binary);
