using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Safety;

namespace SessionHooks.Store;

/// <summary>
/// The one place that reads and writes one worktree's records: its <c>.sessions/</c> files, its
/// <c>current_session.json</c>, and the pending area it shares with the clone's other worktrees
/// (docs/records.md). Every write replaces a file atomically, under a lock between processes; a
/// file that can't be read is never written over. The API is synchronous: locks belong to the
/// calling thread.
/// </summary>
internal sealed class SessionStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly HeldLocks locks;

    public SessionStore(string worktreeRoot, StatePaths state)
    {
        ArgumentNullException.ThrowIfNull(state);
        WorktreeRoot = Path.GetFullPath(worktreeRoot);
        State = state;
        locks = new HeldLocks(state);
        Pending = new PendingArea(state);
    }

    public string WorktreeRoot { get; }

    public StatePaths State { get; }

    /// <summary>What was logged or changed and not yet recorded by a commit. Hold <see cref="RecordLock.Pending"/> to change it.</summary>
    public PendingArea Pending { get; }

    /// <summary>How long a writer waits for another process's lock before it fails with SH5003.</summary>
    /// <remarks>
    /// Generous, because giving up loses a write: eight processes logging at once on two cores
    /// queue for several seconds.
    /// </remarks>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The file behind a repository path (<c>.sessions/…</c>).</summary>
    public string FullPath(string repoPath) => Path.Combine(WorktreeRoot, repoPath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A record's file as a path SessionHooks owns: every read and write goes through its link check.</summary>
    public OwnedPath OwnedPathOf(string repoPath) => OwnedPath.InWorktree(WorktreeRoot, repoPath);

    public LoadResult<AiSessions> ReadRegistry() => Read(FileFormats.AiSessions, RecordPaths.Registry, out _);

    /// <summary>As <see cref="ReadRegistry()"/>, with the bytes read (null when the file is missing or unreadable).</summary>
    public LoadResult<AiSessions> ReadRegistry(out byte[]? bytes) => Read(FileFormats.AiSessions, RecordPaths.Registry, out bytes);

    /// <summary>
    /// <c>ai_sessions.json</c> with only the sessions <paramref name="wanted"/> picks by id and branch
    /// (<see cref="SessionFileParser.ReadSessionsOf"/>); null when the file is missing or not one SessionHooks
    /// wrote as it is, which is then read whole with <see cref="ReadRegistry"/>.
    /// </summary>
    public AiSessions? ReadRegistryOf(Func<string?, string?, bool> wanted)
    {
        try
        {
            return OwnedPathOf(RecordPaths.Registry).ReadAllBytes() is { } bytes ? SessionFileParser.ReadSessionsOf(bytes, wanted) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SessionHooksException)
        {
            return null;
        }
    }

    public LoadResult<SessionConfig> ReadConfig() => Read(FileFormats.Config, RecordPaths.Config);

    public LoadResult<CurrentSession> ReadCurrentSession() => Read(FileFormats.CurrentSession, RecordPaths.CurrentSession);

    /// <summary>Format 1's single worklog, while the worktree still has one.</summary>
    public LoadResult<Worklog> ReadLegacyWorklog() => Read(FileFormats.Worklog, RecordPaths.LegacyWorklog);

    public bool HasLegacyWorklog => File.Exists(FullPath(RecordPaths.LegacyWorklog));

    /// <summary>The sessions that have a worklog folder, live or archived.</summary>
    public IReadOnlyList<string> WorklogSessions() =>
        [.. SessionFolders(RecordPaths.WorklogFolder).Concat(SessionFolders(RecordPaths.ArchiveFolder)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A session's worklog files, as repository paths, oldest first: its live folder's, then its archived folder's.</summary>
    public IReadOnlyList<string> WorklogFiles(string sessionId) =>
        [.. ChunksIn(RecordPaths.SessionWorklog(sessionId)).Concat(ChunksIn(RecordPaths.ArchivedWorklog(sessionId)))];

    /// <summary>The archive: the records of the sessions <c>session archive</c> moved out of <c>ai_sessions.json</c>.</summary>
    public LoadResult<AiSessions> ReadArchive() => Read(FileFormats.AiSessions, RecordPaths.ArchiveRegistry);

    private IEnumerable<string> SessionFolders(string repoFolder)
    {
        var folder = OwnedPathOf(repoFolder).Verify();
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(RecordPaths.IsSafeName)
            : [];
    }

    private IEnumerable<string> ChunksIn(string repoFolder)
    {
        var folder = OwnedPathOf(repoFolder).Verify();
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json")
                .Select(Path.GetFileName).OfType<string>()
                .Where(name => !AtomicFile.IsTempName(name) && RecordPaths.IsSafeName(name[..^".json".Length]))
                .Order(StringComparer.Ordinal)
                .Select(name => repoFolder + "/" + name)
            : [];
    }

    /// <summary>One worklog file of the worktree.</summary>
    public LoadResult<Worklog> ReadWorklog(string repoPath) => Read(FileFormats.Worklog, repoPath);

    /// <summary>Writes <c>current_session.json</c>, this worktree's cache of its session. Takes its lock.</summary>
    public void WriteCurrentSession(CurrentSession current)
    {
        ArgumentNullException.ThrowIfNull(current);
        using var held = Lock(RecordLock.CurrentSession);
        Write(RecordPaths.CurrentSession, SessionJson.Serialize(current));
    }

    /// <summary>Replaces a committed record's file with <paramref name="text"/>; the caller holds <see cref="RecordLock.Records"/>.</summary>
    public void Write(string repoPath, string text) => Write(repoPath, Utf8.GetBytes(text));

    /// <inheritdoc cref="Write(string, string)"/>
    public void Write(string repoPath, byte[] content)
    {
        try
        {
            AtomicFile.Replace(OwnedPathOf(repoPath), content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SessionHooksException(DiagnosticCatalog.FileNotWritable.ForFile(repoPath, exception.Message), exception);
        }
    }

    /// <summary>The bytes of a record's file, or null when there is none.</summary>
    public byte[]? ReadBytes(string repoPath) => OwnedPathOf(repoPath).ReadAllBytes();

    /// <summary>Removes a record's file (and its session folder once empty); the caller holds <see cref="RecordLock.Records"/>.</summary>
    public void Delete(string repoPath)
    {
        var owned = OwnedPathOf(repoPath);
        try
        {
            owned.Delete();
            var folder = Path.GetDirectoryName(owned.FullPath)!;
            if (RecordPaths.TryParseChunk(repoPath, out _) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SessionHooksException(DiagnosticCatalog.FileNotWritable.ForFile(repoPath, exception.Message), exception);
        }
    }

    /// <summary>
    /// Locks the given records until the result is disposed, so one operation can read and change
    /// several as one step. Locks are taken in a fixed order, so this cannot deadlock with another
    /// process doing the same.
    /// </summary>
    public StoreLock Lock(params RecordLock[] names) => locks.Take(names, LockTimeout);

    /// <summary>Locks every record: <c>using var held = store.LockAll();</c> then read and change.</summary>
    public StoreLock LockAll() => Lock(Enum.GetValues<RecordLock>());

    private LoadResult<T> Read<T>(FileFormat<T> format, string repoPath)
        where T : SessionFile, new() => Read(format, repoPath, out _);

    private LoadResult<T> Read<T>(FileFormat<T> format, string repoPath, out byte[]? bytes)
        where T : SessionFile, new()
    {
        bytes = null;
        try
        {
            bytes = OwnedPathOf(repoPath).ReadAllBytes();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LoadResult<T>(null, [DiagnosticCatalog.FileUnreadable.ForFile(repoPath, exception.Message)]);
        }

        return bytes is null ? LoadResult.Missing<T>() : format.Parse(bytes, repoPath);
    }
}
