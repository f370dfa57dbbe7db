using System.Text;
using SessionHooks.Diagnostics;

namespace SessionHooks.Safety;

/// <summary>
/// A path SessionHooks owns — <c>.husky/*</c>, <c>.sessions/**</c>, <c>.gitattributes</c>,
/// <c>.gitignore</c>, the journal, or its state under the git dir — and the one way to read and
/// write it. Each operation first walks the path from its root (the worktree or the git dir) down
/// to the file, and refuses a symbolic link (or junction) anywhere on the way with one located
/// diagnostic: a cloned repository can commit links, and following one would read or write outside
/// it. A refused operation reads and changes nothing.
/// </summary>
/// <remarks>
/// The root itself is trusted: git named it. The check and the operation are not one atomic step;
/// what the check guards against is content a repository brings, not a local process racing it.
/// </remarks>
internal sealed class OwnedPath
{
    private const string TempSuffix = ".tmp";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string[] parts;

    private OwnedPath(string root, string[] parts, bool inGitDir)
    {
        Root = root;
        this.parts = parts;
        UnderGitDir = inGitDir;
        RelativePath = string.Join('/', parts);
        FullPath = Path.Combine([root, .. parts]);
    }

    /// <summary>The worktree root or git dir the path is held in.</summary>
    public string Root { get; }

    /// <summary>The path from <see cref="Root"/>, with forward slashes.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    /// <summary>Whether <see cref="Root"/> is a git dir (state) rather than a worktree.</summary>
    public bool UnderGitDir { get; }

    /// <summary>How diagnostics name it: relative in the worktree, whole under the git dir.</summary>
    public string Display => UnderGitDir ? FullPath : RelativePath;

    /// <summary>A path under the worktree root, e.g. <c>.sessions/worklog.json</c>.</summary>
    /// <exception cref="SessionHooksException">SH5008 when the path leaves the worktree.</exception>
    public static OwnedPath InWorktree(string worktreeRoot, string relativePath) => Create(worktreeRoot, relativePath, inGitDir: false);

    /// <summary>A path under the git dir, e.g. <c>sessionhooks/locks/worklog.json.lock</c>.</summary>
    /// <exception cref="SessionHooksException">SH5008 when the path leaves the git dir.</exception>
    public static OwnedPath InGitDir(string gitDir, string relativePath) => Create(gitDir, relativePath, inGitDir: true);

    /// <summary>The owned path for a full path inside the worktree or the git dir (a git dir inside the worktree wins).</summary>
    /// <exception cref="SessionHooksException">SH5008 when the path is in neither.</exception>
    public static OwnedPath Locate(string fullPath, string worktreeRoot, string gitDir)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var full = Path.GetFullPath(fullPath);
        foreach (var (root, inGitDir) in new[] { (gitDir, true), (worktreeRoot, false) })
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(root), full);
            if (relative != "." && !Leaves(relative))
            {
                return Create(root, relative, inGitDir);
            }
        }

        throw new SessionHooksException(DiagnosticCatalog.OwnedPathOutside.ForFile(full,
            $"{full} is outside the worktree {worktreeRoot} and its git dir; SessionHooks writes nowhere else"));
    }

    /// <summary>Another file in the same folder.</summary>
    public OwnedPath Sibling(string fileName) => Create(Root, string.Join('/', [.. parts[..^1], fileName]), UnderGitDir);

    /// <summary>Checks the path now and returns <see cref="FullPath"/>, for an API that needs a path (a lock, a log sink).</summary>
    /// <exception cref="SessionHooksException">SH5007 when a symbolic link is on the way.</exception>
    public string Verify()
    {
        var current = Root;
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            var attributes = new FileInfo(current).Attributes;
            if ((int)attributes == -1)
            {
                // Nothing there, so nothing further down either.
                return FullPath;
            }

            if (attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw Link(current);
            }
        }

        return FullPath;
    }

    public bool Exists()
    {
        Verify();
        return File.Exists(FullPath);
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    /// <remarks>
    /// Nothing is opened when the file system reports no size: regular empty files, and FIFOs and
    /// devices, which report none and would otherwise block a reader or never end.
    /// </remarks>
    public byte[]? ReadAllBytes()
    {
        Verify();
        var info = new FileInfo(FullPath);
        if (!info.Exists)
        {
            return Directory.Exists(FullPath) ? throw new IOException($"{Display} is a folder where a file belongs") : null;
        }

        if (info.Length == 0)
        {
            return [];
        }

        try
        {
            using var stream = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > Array.MaxLength)
            {
                throw new IOException($"{Display} is {length} bytes, more than one read can hold");
            }

            var bytes = new byte[length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return read == bytes.Length ? bytes : bytes[..read];
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file's text (UTF-8, a byte order mark dropped), or null when it does not exist.</summary>
    public string? ReadAllText() =>
        ReadAllBytes() is { } bytes ? Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes) : null;

    /// <summary>
    /// Replaces the file so that a reader, or a process killed at any moment, sees the old content or
    /// the new, never a mix: a temporary file beside it (<c>.name.pid.random.tmp</c>), flushed to disk,
    /// renamed over it. Missing folders are created; a file that was a link is refused, not followed.
    /// </summary>
    public void WriteAtomic(ReadOnlySpan<byte> content)
    {
        Verify();
        var folder = Path.GetDirectoryName(FullPath)!;
        Directory.CreateDirectory(folder);
        Verify();

        var temp = Path.Combine(folder, $".{parts[^1]}.{Environment.ProcessId}.{Ids.Crockford.Random(8)}{TempSuffix}");
        try
        {
            // CreateNew: a link planted at the temporary name is never followed.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);

                // Without it a power cut after the rename could leave the new name with no data.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <inheritdoc cref="WriteAtomic(ReadOnlySpan{byte})"/>
    public void WriteAtomic(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAtomic(Utf8.GetBytes(text));
    }

    /// <summary>Deletes the file; nothing happens when it does not exist.</summary>
    /// <summary>Deletes the file; one that is not there, or whose folder is not, is nothing to do.</summary>
    public void Delete()
    {
        Verify();
        if (Directory.Exists(Path.GetDirectoryName(FullPath)))
        {
            File.Delete(FullPath);
        }
    }

    /// <summary>Creates the folder (and those above it) and returns its full path.</summary>
    public string CreateDirectory()
    {
        Verify();
        Directory.CreateDirectory(FullPath);
        return Verify();
    }

    public override string ToString() => Display;

    private static OwnedPath Create(string root, string relativePath, bool inGitDir)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var parts = relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        if (parts.Length == 0 || Path.IsPathRooted(relativePath) || Leaves(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            var where = inGitDir ? "its git dir" : "the worktree";
            throw new SessionHooksException(DiagnosticCatalog.OwnedPathOutside.ForFile(relativePath,
                $"'{relativePath}' is not a path inside {where} {fullRoot}; SessionHooks writes nowhere else"));
        }

        return new OwnedPath(fullRoot, parts, inGitDir);
    }

    private static bool Leaves(string relative) =>
        Path.IsPathRooted(relative) || relative.Split(['/', '\\']).Any(p => p == "..");

    private SessionHooksException Link(string link)
    {
        var at = Path.GetRelativePath(Root, link).Replace('\\', '/');
        var shown = UnderGitDir ? link : at;
        var target = new FileInfo(link).LinkTarget ?? "?";
        var what = at == RelativePath ? $"{shown} is a symbolic link (to {target})" : $"{Display} lies under {shown}, a symbolic link (to {target})";
        return new SessionHooksException(DiagnosticCatalog.OwnedPathIsLink.ForFile(shown,
            $"{what}; SessionHooks never reads or writes a file of its own through a link",
            UnderGitDir
                ? $"replace {shown} with a real folder or file, then run the command again"
                : $"replace the link with a real file or folder (git rm {at}, commit), then run the command again"));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless: it is git-ignored and removed by a later write.
        }
    }
}
