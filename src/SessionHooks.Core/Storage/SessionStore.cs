using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Formats;
using SessionHooks.Model;
using SessionHooks.Safety;

namespace SessionHooks.Storage;

/// <summary>
/// The one place that reads and writes the session files of one worktree (<c>.sessions/</c>).
/// Every write is made under a lock between processes, re-reads the file inside the lock and
/// replaces it atomically, so concurrent hooks and commands never lose an entry and a killed
/// process never leaves a torn file. The API is synchronous: locks belong to the calling thread.
/// </summary>
public sealed class SessionStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly HeldLocks locks;
    private readonly WorklogMemo worklogMemo;

    /// <param name="worktreeRoot">The worktree whose <c>.sessions/</c> folder is read and written.</param>
    /// <param name="lockDirectory">Where the lock files live: outside the working tree (the hooks
    /// use <c>&lt;gitdir&gt;/sessionhooks/locks</c>), so they never show in <c>git status</c>.</param>
    public SessionStore(string worktreeRoot, string lockDirectory)
    {
        WorktreeRoot = Path.GetFullPath(worktreeRoot);
        Folder = Path.Combine(WorktreeRoot, SessionFiles.Folder);
        LockDirectory = Path.GetFullPath(lockDirectory);
        locks = new HeldLocks(LockDirectory);
        worklogMemo = new WorklogMemo(Path.Combine(LockDirectory, "worklog.json.appended"));
    }

    public string WorktreeRoot { get; }

    /// <summary>The <c>.sessions/</c> folder.</summary>
    public string Folder { get; }

    public string LockDirectory { get; }

    /// <summary>How long a write waits for another process's lock before it fails with SH5003.</summary>
    /// <remarks>
    /// Generous, because giving up loses a write: eight processes logging at once on two cores
    /// queue for several seconds, and a hook that times out commits without its entry.
    /// </remarks>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string PathOf(SessionFileKind kind) => Path.Combine(Folder, kind.FileName());

    /// <summary>The file as a path SessionHooks owns: every read and write goes through its link check.</summary>
    public OwnedPath OwnedPathOf(SessionFileKind kind) => OwnedPath.InWorktree(WorktreeRoot, kind.RepoPath());

    public LoadResult<AiSessions> ReadAiSessions() => Read(FileFormats.AiSessions);

    public LoadResult<Worklog> ReadWorklog() => Read(FileFormats.Worklog);

    public LoadResult<CurrentSession> ReadCurrentSession() => Read(FileFormats.CurrentSession);

    public LoadResult<SessionConfig> ReadConfig() => Read(FileFormats.Config);

    /// <summary>
    /// Re-reads <c>ai_sessions.json</c> under its lock and passes it (or a fresh file when there is
    /// none) to <paramref name="change"/>, which returns what to write, or null to write nothing.
    /// </summary>
    /// <returns>The file's content after the update.</returns>
    /// <exception cref="SessionHooksException">The file cannot be read (it is then left as it is),
    /// cannot be written, or another process held the lock past <see cref="LockTimeout"/>.</exception>
    public AiSessions UpdateAiSessions(Func<AiSessions, AiSessions?> change) => Update(FileFormats.AiSessions, change);

    /// <inheritdoc cref="UpdateAiSessions"/>
    public Worklog UpdateWorklog(Func<Worklog, Worklog?> change) => Update(FileFormats.Worklog, change);

    /// <inheritdoc cref="UpdateAiSessions"/>
    public CurrentSession UpdateCurrentSession(Func<CurrentSession, CurrentSession?> change) => Update(FileFormats.CurrentSession, change);

    /// <inheritdoc cref="UpdateAiSessions"/>
    public SessionConfig UpdateConfig(Func<SessionConfig, SessionConfig?> change) => Update(FileFormats.Config, change);

    /// <summary>
    /// Adds entries to <c>worklog.json</c>, skipping any whose id the file (or an earlier entry of
    /// the list) already has, so a retried or repeated append adds nothing twice.
    /// </summary>
    /// <returns>How many entries were added.</returns>
    /// <exception cref="SessionHooksException">As for <see cref="UpdateAiSessions"/>.</exception>
    public int AppendWorklogEntries(IReadOnlyList<WorklogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var added = 0;
        UpdateWorklog(worklog =>
        {
            var known = worklog.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in entries.Where(e => known.Add(e.Id)))
            {
                worklog.Entries.Add(entry);
                added++;
            }

            return added > 0 ? worklog : null;
        });
        return added;
    }

    /// <summary>
    /// Adds <paramref name="entry"/> at the end of <c>worklog.json</c> by rewriting only the end of
    /// the file (still replaced atomically, under the lock), without deserialising the entries
    /// before it; when the file is the one the last such append left, without reading them at all.
    /// </summary>
    /// <returns>False, having written nothing, when the file is missing or not exactly as this
    /// version writes it: then read it whole and use <see cref="UpdateWorklog"/>.</returns>
    public bool TryAppendWorklogEntry(WorklogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var held = locks.Take([SessionFileKind.Worklog], LockTimeout);
        var path = OwnedPathOf(SessionFileKind.Worklog).Verify();
        // The size limit as WorklogTail.TryAppend applies it, so both ways refuse the same files.
        if (worklogMemo.MatchingLength(path) is { } length && length <= SessionFileParser.DefaultMaxBytes)
        {
            WriteEnd(path, length - WorklogTail.ClosingLength, WorklogTail.Ending([entry]));
        }
        else
        {
            byte[]? bytes;
            try
            {
                bytes = OwnedPathOf(SessionFileKind.Worklog).ReadAllBytes();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            if (bytes is null)
            {
                return false;
            }

            if (WorklogTail.TryAppend(bytes, [entry]) is not { } appended)
            {
                return false;
            }

            Write(SessionFileKind.Worklog, appended);
        }

        worklogMemo.Record(path);
        return true;
    }

    /// <summary>
    /// Replaces a session file with <paramref name="text"/> as it is, under the file's lock, even
    /// when the file on disk cannot be read: for recovery, which has already set the old one aside.
    /// </summary>
    public void WriteText(SessionFileKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var held = locks.Take([kind], LockTimeout);
        Write(kind, text);
    }

    /// <summary>
    /// Locks the given files until the result is disposed, so one operation can read and update
    /// several of them as one step. Locks are taken in a fixed order, so this cannot deadlock
    /// with another process doing the same.
    /// </summary>
    public StoreLock Lock(params SessionFileKind[] kinds) => locks.Take(kinds, LockTimeout);

    /// <summary>Locks every session file: <c>using var batch = store.LockAll();</c> then read and update.</summary>
    public StoreLock LockAll() => Lock(Enum.GetValues<SessionFileKind>());

    private LoadResult<T> Read<T>(FileFormat<T> format)
        where T : SessionFile, new()
    {
        var display = format.Kind.RepoPath();
        byte[]? bytes;
        try
        {
            bytes = OwnedPathOf(format.Kind).ReadAllBytes();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LoadResult<T>(null, [DiagnosticCatalog.FileUnreadable.ForFile(display, exception.Message)]);
        }

        if (bytes is null)
        {
            return LoadResult.Missing<T>();
        }

        return format.Parse(bytes, display);
    }

    private T Update<T>(FileFormat<T> format, Func<T, T?> change)
        where T : SessionFile, new()
    {
        ArgumentNullException.ThrowIfNull(change);
        using var held = locks.Take([format.Kind], LockTimeout);
        var current = Read(format);
        if (current.HasErrors || (current.Exists && current.Value is null))
        {
            // Never write over a file we could not read: what is in it may be all there is.
            throw new SessionHooksException(current.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)
                ?? DiagnosticCatalog.InternalError.ForFile(format.Kind.RepoPath(), "the file was read but holds no value"));
        }

        var value = current.Value ?? format.Fresh();
        var changed = change(value);
        if (changed is null)
        {
            return value;
        }

        Write(format.Kind, format.Serialize(changed));
        return changed;
    }

    private void Write(SessionFileKind kind, string text) => Write(kind, Utf8.GetBytes(text));

    private static void WriteEnd(string path, long keep, byte[] ending)
    {
        try
        {
            AtomicFile.ReplaceEnd(path, keep, ending);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.FileNotWritable.ForFile(SessionFileKind.Worklog.RepoPath(), exception.Message), exception);
        }
    }

    private void Write(SessionFileKind kind, byte[] content)
    {
        if (kind == SessionFileKind.Worklog)
        {
            worklogMemo.Forget();
        }

        try
        {
            AtomicFile.Replace(OwnedPathOf(kind), content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.FileNotWritable.ForFile(kind.RepoPath(), exception.Message), exception);
        }
    }
}
