using System.Diagnostics;
using SessionHooks.Diagnostics;

namespace SessionHooks.Store;

/// <summary>
/// An exclusive lock between processes (and between threads of one process) on one lock file.
/// </summary>
/// <remarks>
/// .NET takes <c>FileShare.None</c> on Unix with <c>flock(LOCK_EX | LOCK_NB)</c> on the open file
/// description, and on Windows with a share-mode open: in both the OS drops the lock when the
/// process dies, so a <c>kill -9</c> never leaves a lock behind. Lock files are never deleted:
/// deleting one while another process waits on it would let two processes lock two different files.
/// </remarks>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(4);

    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes <paramref name="path"/>, waiting in line behind <c>&lt;path&gt;.queue</c>.</summary>
    /// <remarks>
    /// Waiting is polling, and a holder that writes in a loop releases and retakes the lock in
    /// microseconds: a waiter would rarely try in that gap and could starve. So a waiter first takes
    /// the queue lock and holds it until it has the main lock; a holder that wants the main lock
    /// back must get in line too, and the waiter gets its turn when the holder releases.
    /// </remarks>
    public static FileLock Acquire(string path, TimeSpan timeout, string displayName)
    {
        var clock = Stopwatch.StartNew();
        using (Take(Path.ChangeExtension(path, ".queue"), clock, timeout, displayName))
        {
            return new FileLock(Take(path, clock, timeout, displayName));
        }
    }

    public void Dispose() => stream.Dispose();

    private static FileStream Take(string path, Stopwatch clock, TimeSpan timeout, string displayName)
    {
        var pause = FirstPause;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException exception) when (IsHeldByAnother(exception))
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new SessionHooksException(DiagnosticCatalog.LockTimeout.ForFile(
                        displayName, $"the lock {path} was held by another process for {timeout.TotalSeconds:0.#} s"));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new SessionHooksException(
                    DiagnosticCatalog.FileNotWritable.ForFile(displayName, $"cannot create the lock {path}: {exception.Message}"),
                    exception);
            }

            // Jitter keeps waiting processes from retrying in step with one another.
            Thread.Sleep(pause + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * pause.TotalMilliseconds));
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    // A held lock is a plain IOException carrying EWOULDBLOCK (11 on Linux, 35 on macOS) or, on
    // Windows, a sharing or lock violation. Anything else (read-only disk, a file where the folder
    // should be) will not pass by waiting.
    private static bool IsHeldByAnother(IOException exception) =>
        exception.GetType() == typeof(IOException) &&
        (OperatingSystem.IsWindows()
            ? (exception.HResult & 0xFFFF) is 32 or 33
            : exception.HResult is 11 or 35);
}
