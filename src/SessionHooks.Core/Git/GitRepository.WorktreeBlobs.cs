using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;
using SessionHooks.Diagnostics;
using SessionHooks.Safety;

namespace SessionHooks.Git;

/// <summary>
/// Worktree files compared with a commit's by object id, without the index: the index holds every
/// record file of the history (10,000 at 100,000 entries), and libgit2 reads all of it, checksum
/// included, before it answers about one path. Hashing the few files asked about costs what they
/// hold. Each answer is "exactly the same" or "can't tell"; a caller asks git properly on the second.
/// </summary>
internal sealed partial class GitRepository
{
    /// <summary>
    /// The worktree's bytes of a file, and their blob id, when they are exactly the blob
    /// <paramref name="commitish"/> holds at <paramref name="repoPath"/>; null when they differ,
    /// either is missing, or a link or a filter (<c>core.autocrlf</c>) is in the way. A hook that
    /// needs the commit's copy of a large record file then reads it once, from the worktree,
    /// instead of inflating it as well.
    /// </summary>
    public (string Id, byte[] Bytes)? WorktreeBlobIfAt(string commitish, string repoPath) =>
        BlobAtCommit(commitish, repoPath) is { } blob && ReadHashed(repoPath, blob.Sha.Length) is { } read && read.Id == blob.Sha
            ? (blob.Sha, read.Bytes)
            : null;

    /// <summary>
    /// Worktree files this process has hashed, with the size and times they had: a push asks about
    /// <c>ai_sessions.json</c> twice (as pushed, and for changes not committed), and at 1,000
    /// sessions reading and hashing 464 KB again costs more than the rest of the question. A file
    /// written since (a new time) or replaced (a new file has a new creation time) is read again.
    /// </summary>
    private readonly Dictionary<string, (FileStamp Stamp, string Id)> hashedFiles = new(StringComparer.Ordinal);

    /// <summary>The worktree file's blob id: as hashed before if its stamp has not moved since, else read and hashed now.</summary>
    private string? WorktreeBlobId(string repoPath, int idLength) =>
        hashedFiles.TryGetValue(repoPath, out var known) && StampOf(repoPath) == known.Stamp
            ? known.Id
            : ReadHashed(repoPath, idLength)?.Id;

    /// <summary>Reads and hashes a worktree file; the id is remembered only when the file's stamp is the same before and after the read.</summary>
    private (byte[] Bytes, string Id)? ReadHashed(string repoPath, int idLength)
    {
        var before = StampOf(repoPath);
        if (WorktreeBytes(repoPath) is not { } bytes)
        {
            return null;
        }

        var id = BlobId(bytes, idLength);
        if (before is { } stamp && stamp.Length == bytes.Length && StampOf(repoPath) == stamp)
        {
            hashedFiles[repoPath] = (stamp, id);
        }

        return (bytes, id);
    }

    private FileStamp? StampOf(string repoPath)
    {
        var file = new FileInfo(Path.Combine(WorktreeRoot!, repoPath));
        return file.Exists && file.LinkTarget is null ? new FileStamp(file.Length, file.LastWriteTimeUtc, file.CreationTimeUtc) : null;
    }

    /// <summary>What a file's metadata says of its content: size, last write, and creation (a file renamed over another is a new file).</summary>
    private readonly record struct FileStamp(long Length, DateTime Written, DateTime Created);

    /// <summary>True when the worktree's file or folder at <paramref name="repoPath"/> is exactly what <paramref name="tree"/> holds there.</summary>
    private bool WorktreeMatches(Tree tree, string repoPath)
    {
        if (WorktreeRoot is null || !IsTreePath(repoPath))
        {
            return false;
        }

        var entry = tree[repoPath];
        var full = Path.Combine(WorktreeRoot, repoPath);
        if (Directory.Exists(full))
        {
            return entry?.Target is Tree folder && FolderMatches(folder, repoPath);
        }

        if (!File.Exists(full))
        {
            // Neither has it (a dangling link is something); a folder in the tree that the worktree lacks is a deletion.
            return entry is null && new FileInfo(full).LinkTarget is null;
        }

        return FileMatches(entry, repoPath);
    }

    private bool FolderMatches(Tree tree, string repoFolder)
    {
        var folder = new DirectoryInfo(Path.Combine(WorktreeRoot!, repoFolder));
        if (folder.LinkTarget is not null)
        {
            return false;
        }

        var entries = Entries(tree);
        var found = 0;
        foreach (var item in folder.EnumerateFileSystemInfos())
        {
            var path = repoFolder + "/" + item.Name;
            var entry = entries.GetValueOrDefault(item.Name);
            var same = item.LinkTarget is null && (item is DirectoryInfo
                ? entry?.Target is Tree inner && FolderMatches(inner, path)
                : FileMatches(entry, path));
            if (!same)
            {
                return false;
            }

            found++;
        }

        return found == entries.Count;
    }

    private bool FileMatches(TreeEntry? entry, string repoPath) =>
        entry is { Mode: Mode.NonExecutableFile or Mode.ExecutableFile, Target: Blob blob }
        && (entry.Mode == Mode.ExecutableFile) == IsExecutable(repoPath)
        && WorktreeBlobId(repoPath, blob.Sha.Length) == blob.Sha;

    /// <summary>The worktree file's executable bit as git records it (never on Windows, where git keeps what the index has).</summary>
    private bool IsExecutable(string repoPath) =>
        !OperatingSystem.IsWindows() && File.GetUnixFileMode(Path.Combine(WorktreeRoot!, repoPath)).HasFlag(UnixFileMode.UserExecute);

    /// <summary>A worktree file's bytes, or null when it is missing or can't be read safely (a link on the way, a FIFO).</summary>
    private byte[]? WorktreeBytes(string repoPath)
    {
        try
        {
            return WorktreeRoot is null ? null : OwnedPath.InWorktree(WorktreeRoot, repoPath).ReadAllBytes();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SessionHooksException)
        {
            return null;
        }
    }

    /// <summary>The id git gives <paramref name="content"/> as a blob: SHA-1 or, in a SHA-256 repository (64-digit ids), SHA-256.</summary>
    private static string BlobId(byte[] content, int idLength)
    {
        using var hash = IncrementalHash.CreateHash(idLength == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        hash.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
