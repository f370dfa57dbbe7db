using SessionHooks.Diagnostics;

namespace SessionHooks.Context;

/// <summary>
/// Paths named by users and session files, held to the worktree: no '..', no absolute path
/// elsewhere, no part that is a symbolic link, nothing under a <c>.git</c> folder in any spelling,
/// no control characters or line breaks. Knowledge-cache entries come from committed files, which
/// anyone can write, so nothing outside the worktree, and nothing of git's, may ever be read.
/// </summary>
internal static class RepositoryPath
{
    /// <summary>The path relative to the root, with forward slashes; throws SH6002 when it is refused.</summary>
    public static string Normalize(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Refused(path ?? "", "the path is empty");
        }

        if (path.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069'))
        {
            throw Refused(path, "the path holds control characters or line breaks");
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(fullRoot, Path.GetFullPath(path)) : path;
        var parts = relative.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (Path.IsPathRooted(relative) || parts.Contains(".."))
        {
            throw Refused(path, Path.IsPathRooted(path) ? "the path is outside the repository" : "'..' leads out of the folder it is in");
        }

        if (parts.Count == 0)
        {
            throw Refused(path, "the path is the repository itself");
        }

        if (parts.Any(IsGitFolder))
        {
            throw Refused(path, "the path is in a .git folder, which holds git's configuration and credentials");
        }

        if (parts.Any(p => p.Contains(':', StringComparison.Ordinal)))
        {
            throw Refused(path, "the path holds ':' (a drive or a stream name)");
        }

        var current = fullRoot;
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            var attributes = new FileInfo(current).Attributes;
            if ((int)attributes == -1)
            {
                break;
            }

            if (attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw Refused(path, $"{string.Join('/', parts.Take(parts.IndexOf(part) + 1))} is a symbolic link; the knowledge cache is read only from real files");
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The file behind a repository path, or null when it is refused or does not exist.</summary>
    public static string? Resolve(string root, string path)
    {
        try
        {
            var full = Path.Combine(Path.GetFullPath(root), Normalize(root, path));
            return File.Exists(full) ? full : null;
        }
        catch (SessionHooksException)
        {
            return null;
        }
    }

    // ".git", and what names it on case-insensitive, Windows and 8.3 file systems: ".GIT", ".git.", "GIT~1".
    private static bool IsGitFolder(string part)
    {
        var name = part.TrimEnd('.', ' ');
        return name.Equals(".git", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("git~", StringComparison.OrdinalIgnoreCase) && name[4..].All(char.IsAsciiDigit) && name.Length > 4);
    }

    private static SessionHooksException Refused(string path, string why) =>
        new(DiagnosticCatalog.PathOutsideRepository.ForFile(Safety.SafeText.Terminal(path), why));
}
