using SessionHooks.Safety;

namespace SessionHooks.Store;

/// <summary>
/// Replaces a file so that a reader, or a process killed at any moment, sees either the old
/// content or the new, never a mix: write a temporary file beside it, flush it to disk, rename.
/// </summary>
internal static class AtomicFile
{
    private const string TempSuffix = ".tmp";

    /// <summary>
    /// The temporary files of <paramref name="fileName"/> start with a dot and end in <c>.tmp</c>
    /// (<c>.worklog.json.4242.k3f9q2mx.tmp</c>): nothing that looks for <c>*.json</c> picks them up.
    /// </summary>
    public static string TempPattern(string fileName) => "." + fileName + ".*" + TempSuffix;

    public static bool IsTempName(string name) =>
        name.StartsWith('.') && name.EndsWith(TempSuffix, StringComparison.Ordinal);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (<see cref="OwnedPath.WriteAtomic(ReadOnlySpan{byte})"/>); the caller holds the file's lock.</summary>
    public static void Replace(OwnedPath path, byte[] content)
    {
        var folder = Path.GetDirectoryName(path.Verify())!;
        if (Directory.Exists(folder))
        {
            RemoveStale(folder, Path.GetFileName(path.FullPath));
        }

        path.WriteAtomic(content);
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with its first <paramref name="keep"/> bytes followed by
    /// <paramref name="ending"/>, as atomically as <see cref="Replace"/>: the operating system copies
    /// the start into the temporary file, so a large file is never read into memory.
    /// </summary>
    public static void ReplaceEnd(string path, long keep, byte[] ending) =>
        ReplaceThrough(path, temp =>
        {
            File.Copy(path, temp);
            MakeWritable(temp);
            using var stream = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            stream.SetLength(keep);
            stream.Seek(keep, SeekOrigin.Begin);
            stream.Write(ending);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>Has <paramref name="writeTemporary"/> write a temporary file beside <paramref name="path"/>, then renames it over the file.</summary>
    private static void ReplaceThrough(string path, Action<string> writeTemporary)
    {
        var folder = Path.GetDirectoryName(path)!;
        var fileName = Path.GetFileName(path);
        Directory.CreateDirectory(folder);
        RemoveStale(folder, fileName);

        var temp = Path.Combine(folder, $".{fileName}.{Environment.ProcessId}.{Ids.Crockford.Random(8)}{TempSuffix}");
        try
        {
            writeTemporary(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    // The copy takes the original's permissions; a read-only original is still replaced, as a rename over it always was.
    private static void MakeWritable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// Removes temporary files left by writers that were killed. Every writer of a file holds its
    /// lock from creating its temporary file until the rename, so while we hold that lock, any
    /// temporary file of it that exists belongs to a dead writer.
    /// </summary>
    public static void RemoveStale(string folder, string fileName)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, TempPattern(fileName)))
        {
            TryDelete(stale);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless; the next write tries again.
        }
    }
}
