using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

/// <summary>
/// Where a repository's parts are, found the way git finds them (GIT_DIR, GIT_WORK_TREE, then
/// walking up to a <c>.git</c> folder or file), without loading libgit2: SHA-256 repositories must
/// be recognised before libgit2 touches them.
/// </summary>
internal sealed record RepositoryLayout(string GitDir, string CommonDir, string? WorktreeRoot, string? IndexFile)
{
    public static RepositoryLayout Resolve(string startDirectory, GitEnvironment environment, string? indexPath)
    {
        var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(startDirectory));
        if (!Directory.Exists(start))
        {
            throw NotARepository(start, $"'{start}' does not exist");
        }

        string gitDir;
        string? root;
        if (environment.GitDir is { } named)
        {
            gitDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(named, start));
            if (!LooksLikeGitDir(gitDir))
            {
                throw NotARepository(start, $"GIT_DIR names '{gitDir}', which is not a git directory");
            }

            // git's rule: with GIT_DIR and no worktree configured, the current directory is the worktree root.
            root = LinkedWorktreeRoot(gitDir) ?? (IsBare(gitDir) ? null : start);
        }
        else
        {
            (gitDir, root) = Discover(start) ?? throw NotARepository(start, $"'{start}' is not inside a git repository");
        }

        if (environment.WorkTree is { } workTree)
        {
            root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workTree, start));
        }

        var commonDir = CommonDirOf(gitDir);
        if (string.Equals(ReadConfigValue(Path.Combine(commonDir, "config"), "extensions", "objectformat"), "sha256", StringComparison.OrdinalIgnoreCase))
        {
            throw new SessionHooksException(DiagnosticCatalog.GitUnsupported.ForFile(
                commonDir,
                "this repository names its objects with SHA-256, and libgit2 (1.9, bundled with LibGit2Sharp 0.32) is built without SHA-256 support",
                "use SessionHooks in a SHA-1 repository; SHA-256 repositories are not supported yet"));
        }

        // Relative index paths are resolved where git resolves them: it runs from the worktree root.
        var index = indexPath ?? environment.IndexFile;
        var indexFile = index is null ? null : Path.GetFullPath(index, root ?? gitDir);
        return new RepositoryLayout(gitDir, commonDir, root, indexFile);
    }

    private static (string GitDir, string? Root)? Discover(string start)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var dotGit = Path.Combine(directory, ".git");
            if (Directory.Exists(dotGit) && LooksLikeGitDir(dotGit))
            {
                return (dotGit, IsBare(dotGit) ? null : directory);
            }

            if (File.Exists(dotGit) && ReadGitFile(dotGit, directory) is { } linked && LooksLikeGitDir(linked))
            {
                return (linked, directory);
            }

            if (LooksLikeGitDir(directory))
            {
                return (directory, null);
            }
        }

        return null;
    }

    /// <summary>A <c>.git</c> file of a linked worktree or submodule: <c>gitdir: &lt;path&gt;</c>.</summary>
    private static string? ReadGitFile(string file, string directory)
    {
        var text = ReadFirstLine(file);
        return text is not null && text.StartsWith("gitdir:", StringComparison.Ordinal)
            ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(text["gitdir:".Length..].Trim(), directory))
            : null;
    }

    private static bool LooksLikeGitDir(string directory) =>
        File.Exists(Path.Combine(directory, "HEAD"))
        && (Directory.Exists(Path.Combine(directory, "objects")) || File.Exists(Path.Combine(directory, "commondir")));

    private static string CommonDirOf(string gitDir) =>
        ReadFirstLine(Path.Combine(gitDir, "commondir")) is { Length: > 0 } common
            ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(common, gitDir))
            : gitDir;

    /// <summary>A linked worktree's git dir holds <c>gitdir</c>: the path of the worktree's <c>.git</c> file.</summary>
    private static string? LinkedWorktreeRoot(string gitDir) =>
        File.Exists(Path.Combine(gitDir, "commondir")) && ReadFirstLine(Path.Combine(gitDir, "gitdir")) is { Length: > 0 } dotGit
            ? Path.GetDirectoryName(Path.GetFullPath(dotGit, gitDir))
            : null;

    private static bool IsBare(string gitDir) =>
        string.Equals(ReadConfigValue(Path.Combine(CommonDirOf(gitDir), "config"), "core", "bare"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? ReadFirstLine(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Just enough of git's config syntax for two settings that must be known before libgit2 opens
    /// the repository; everything else is read through git itself.
    /// </summary>
    private static string? ReadConfigValue(string file, string section, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        string? current = null;
        string? value = null;
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                current = end > 0 ? line[1..end].Trim() : null;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0
                && string.Equals(current, section, StringComparison.OrdinalIgnoreCase)
                && string.Equals(line[..equals].Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                value = line[(equals + 1)..].Trim().Trim('"');
            }
        }

        return value;
    }

    private static SessionHooksException NotARepository(string start, string message) =>
        new(DiagnosticCatalog.NotARepository.ForFile(start, message));
}
