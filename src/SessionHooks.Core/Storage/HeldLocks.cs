using SessionHooks.Formats;
using SessionHooks.Safety;

namespace SessionHooks.Storage;

/// <summary>
/// The file locks one store holds. Locks are always taken in <see cref="SessionFileKind"/> order,
/// so two processes that each need several files cannot wait on each other. A thread that already
/// holds a file's lock takes it again for free, so updates inside <see cref="SessionStore.LockAll"/>
/// do not wait on themselves.
/// </summary>
internal sealed class HeldLocks(string lockDirectory)
{
    private readonly Lock gate = new();
    private readonly Dictionary<SessionFileKind, Holding> held = [];

    public StoreLock Take(IEnumerable<SessionFileKind> kinds, TimeSpan timeout)
    {
        var taken = new List<SessionFileKind>();
        try
        {
            foreach (var kind in kinds.Distinct().Order())
            {
                TakeOne(kind, timeout);
                taken.Add(kind);
            }
        }
        catch
        {
            Release(taken);
            throw;
        }

        return new StoreLock(this, taken);
    }

    internal void Release(IReadOnlyList<SessionFileKind> kinds)
    {
        lock (gate)
        {
            foreach (var kind in kinds.Reverse())
            {
                var holding = held[kind];
                if (--holding.Count == 0)
                {
                    held.Remove(kind);
                    holding.FileLock.Dispose();
                }
            }
        }
    }

    private void TakeOne(SessionFileKind kind, TimeSpan timeout)
    {
        var thread = Environment.CurrentManagedThreadId;
        lock (gate)
        {
            if (held.TryGetValue(kind, out var mine) && mine.Thread == thread)
            {
                mine.Count++;
                return;
            }
        }

        // Outside the gate: another thread of this process holding the file blocks us like any process.
        var path = OwnedPath.InGitDir(lockDirectory, kind.FileName() + ".lock").Verify();
        var fileLock = FileLock.Acquire(path, timeout, kind.RepoPath());
        lock (gate)
        {
            held[kind] = new Holding(fileLock, thread);
        }
    }

    private sealed class Holding(FileLock fileLock, int thread)
    {
        public FileLock FileLock { get; } = fileLock;

        public int Thread { get; } = thread;

        public int Count { get; set; } = 1;
    }
}
