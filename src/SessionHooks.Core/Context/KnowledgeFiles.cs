using System.Text;

namespace SessionHooks.Context;

/// <summary>
/// Reads knowledge-cache files for an assistant, within a total byte budget, never outside the
/// repository: each path is resolved through every symbolic link and checked before it is opened.
/// </summary>
public static class KnowledgeFiles
{
    private const int BinaryProbe = 8000;

    public static IReadOnlyList<CachedFile> Load(string root, IEnumerable<(string Path, string Scope)> entries, bool includeContents, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = new List<CachedFile>();
        var budget = Math.Max(0, maxBytes);
        foreach (var (path, scope) in entries.DistinctBy(e => e.Path))
        {
            string? real;
            try
            {
                RepositoryPath.Normalize(root, path);
                real = RepositoryPath.Resolve(root, path);
            }
            catch (Diagnostics.SessionHooksException)
            {
                result.Add(new CachedFile(path, scope, CachedFileState.OutsideRepository));
                continue;
            }

            if (real is null)
            {
                result.Add(new CachedFile(path, scope, CachedFileState.Missing));
                continue;
            }

            if (!includeContents)
            {
                result.Add(new CachedFile(path, scope, CachedFileState.Listed));
                continue;
            }

            result.Add(Read(path, scope, real, ref budget));
        }

        return result;
    }

    private static CachedFile Read(string path, string scope, string real, ref long budget)
    {
        if (budget <= 0)
        {
            return new CachedFile(path, scope, CachedFileState.OverBudget);
        }

        byte[] bytes;
        bool truncated;
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var take = (int)Math.Min(budget, Math.Min(stream.Length, int.MaxValue));
            bytes = new byte[take];
            stream.ReadExactly(bytes);
            truncated = stream.Length > take;
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
        return new CachedFile(path, scope, truncated ? CachedFileState.Truncated : CachedFileState.Included, text);
    }
}
