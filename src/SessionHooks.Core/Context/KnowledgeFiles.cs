using System.Text;

namespace SessionHooks.Context;

/// <summary>
/// Reads knowledge-cache files for an assistant, within a total byte budget: regular files inside
/// the worktree only (see <see cref="RepositoryPath"/>), each checked before it is opened. Sizes
/// are read first and only as many bytes as the budget leaves are read; nothing the file system
/// reports no size for (an empty file, a FIFO, a device) is opened, so none can block or never end.
/// </summary>
internal static class KnowledgeFiles
{
    /// <summary>The largest total a caller may ask for: what one process holds in memory at once without trouble.</summary>
    public const long MaxBytesLimit = 64L * 1024 * 1024;

    private const int BinaryProbe = 8000;

    public static IReadOnlyList<CachedFile> Load(string root, IEnumerable<(string Path, string Scope)> entries, bool includeContents, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = new List<CachedFile>();
        var budget = Math.Clamp(maxBytes, 0, MaxBytesLimit);
        foreach (var (path, scope) in entries.DistinctBy(e => e.Path))
        {
            string relative;
            try
            {
                relative = RepositoryPath.Normalize(root, path);
            }
            catch (Diagnostics.SessionHooksException)
            {
                result.Add(new CachedFile(path, scope, CachedFileState.OutsideRepository));
                continue;
            }

            var full = Path.Combine(Path.GetFullPath(root), relative);
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                result.Add(new CachedFile(path, scope, Directory.Exists(full) ? CachedFileState.NotAFile : CachedFileState.Missing));
                continue;
            }

            if (!includeContents)
            {
                result.Add(new CachedFile(path, scope, CachedFileState.Listed));
                continue;
            }

            result.Add(Read(path, scope, full, info.Length, ref budget));
        }

        return result;
    }

    private static CachedFile Read(string path, string scope, string full, long length, ref long budget)
    {
        if (length == 0)
        {
            return new CachedFile(path, scope, CachedFileState.Empty);
        }

        if (budget <= 0)
        {
            return new CachedFile(path, scope, CachedFileState.OverBudget);
        }

        byte[] bytes;
        try
        {
            var take = (int)Math.Min(budget, length);
            bytes = new byte[take];
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var read = stream.ReadAtLeast(bytes, take, throwOnEndOfStream: false);
            bytes = read == take ? bytes : bytes[..read];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new CachedFile(path, scope, CachedFileState.Missing);
        }

        if (bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbe)).Contains((byte)0))
        {
            return new CachedFile(path, scope, CachedFileState.Binary);
        }

        budget -= bytes.Length;
        var text = Encoding.UTF8.GetString(bytes);
        return new CachedFile(path, scope, length > bytes.Length ? CachedFileState.Truncated : CachedFileState.Included, text);
    }
}
