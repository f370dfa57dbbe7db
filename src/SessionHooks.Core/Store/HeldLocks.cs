namespace SessionHooks.Store;

/// <summary>What a writer locks: each names one lock file (<see cref="HeldLocks"/>).</summary>
internal enum RecordLock
{
    /// <summary>This worktree's committed records: <c>ai_sessions.json</c>, the worklog files, the commit in progress.</summary>
    Records,

    /// <summary>The pending area all worktrees share.</summary>
    Pending,

    /// <summary>This worktree's <c>current_session.json</c>.</summary>
    CurrentSession,
}

/// <summary>
/// The file locks one store holds. Locks are always taken in <see cref="RecordLock"/> order, so two
/// processes that each need several cannot wait on each other. A thread that already holds a lock
/// takes it again for free, so updates inside <see cref="SessionStore.LockAll"/> do not wait on
/// themselves.
/// </summary>
internal sealed class HeldLocks(StatePaths state)
{
    private readonly Lock gate = new();
    private readonly Dictionary<RecordLock, Holding> held = [];

    public StoreLock Take(IEnumerable<RecordLock> locks, TimeSpan timeout)
    {
        var taken = new List<RecordLock>();
        try
        {
            foreach (var name in locks.Distinct().Order())
            {
                TakeOne(name, timeout);
                taken.Add(name);
            }
        }
        catch
        {
            Release(taken);
            throw;
        }

        return new StoreLock(this, taken);
    }

    internal void Release(IReadOnlyList<RecordLock> locks)
    {
        lock (gate)
        {
            foreach (var name in locks.Reverse())
            {
                var holding = held[name];
                if (--holding.Count == 0)
                {
                    held.Remove(name);
                    holding.FileLock.Dispose();
                }
            }
        }
    }

    private void TakeOne(RecordLock name, TimeSpan timeout)
    {
        var thread = Environment.CurrentManagedThreadId;
        lock (gate)
        {
            if (held.TryGetValue(name, out var mine) && mine.Thread == thread)
            {
                mine.Count++;
                return;
            }
        }

        // Outside the gate: another thread of this process holding the lock blocks us like any process.
        var file = name.ToString().ToLowerInvariant() + ".lock";
        var (path, display) = name switch
        {
            RecordLock.Records => (state.OfWorktree(Path.Combine(state.WorktreeLocks, file)), Records.RecordPaths.Folder),
            RecordLock.Pending => (state.Shared(Path.Combine(state.SharedLocks, file)), "the pending records"),
            _ => (state.OfWorktree(Path.Combine(state.WorktreeLocks, file)), Records.RecordPaths.CurrentSession),
        };
        var fileLock = FileLock.Acquire(path.Verify(), timeout, display);
        lock (gate)
        {
            held[name] = new Holding(fileLock, thread);
        }
    }

    private sealed class Holding(FileLock fileLock, int thread)
    {
        public FileLock FileLock { get; } = fileLock;

        public int Thread { get; } = thread;

        public int Count { get; set; } = 1;
    }
}
