using SessionHooks.Diagnostics;

namespace SessionHooks.Context;

/// <summary>
/// Paths named by users and session files, held to the repository: no '..' out of it, no absolute
/// path elsewhere, no symbolic link (at any level) whose target leaves it. Knowledge-cache entries
/// come from committed files, which anyone can write, so nothing outside may ever be read.
/// </summary>
public static class RepositoryPath
{
    /// <summary>The path relative to the root, with forward slashes; throws SH6002 when it leaves the repository.</summary>
    public static string Normalize(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw Outside(path ?? "", "the path is empty");
        }

        var realRoot = RealPath(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(realRoot, path));
        if (!IsUnder(realRoot, full))
        {
            throw Outside(path, "the path is outside the repository");
        }

        var real = RealPath(full);
        if (!IsUnder(realRoot, real))
        {
            throw Outside(path, "a symbolic link in the path leads out of the repository");
        }

        var relative = Path.GetRelativePath(realRoot, full).Replace('\\', '/');
        return relative == "." ? throw Outside(path, "the path is the repository itself") : relative;
    }

    /// <summary>The real file behind a repository path, or null when it leaves the repository or does not exist.</summary>
    public static string? Resolve(string root, string path)
    {
        try
        {
            var relative = Normalize(root, path);
            var real = RealPath(Path.Combine(RealPath(Path.GetFullPath(root)), relative));
            return File.Exists(real) ? real : null;
        }
        catch (SessionHooksException)
        {
            return null;
        }
    }

    /// <summary>Follows every symbolic link along the path, component by component, as the file system would.</summary>
    internal static string RealPath(string full)
    {
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var hops = 0;
            while (new FileInfo(next) is { LinkTarget: { } target })
            {
                if (++hops > 40)
                {
                    throw Outside(full, "the path has a loop of symbolic links");
                }

                next = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(next)!, target));
            }

            current = next;
        }

        return current;
    }

    private static bool IsUnder(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static SessionHooksException Outside(string path, string why) =>
        new(DiagnosticCatalog.PathOutsideRepository.ForFile(path, why));
}
