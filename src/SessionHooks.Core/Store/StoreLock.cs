namespace SessionHooks.Store;

/// <summary>
/// Session file locks held until disposed. While it is held, reads and updates of those files
/// by the same thread through the same <see cref="SessionStore"/> see no other writer.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly HeldLocks owner;
    private IReadOnlyList<RecordLock>? kinds;

    internal StoreLock(HeldLocks owner, IReadOnlyList<RecordLock> kinds)
    {
        this.owner = owner;
        this.kinds = kinds;
    }

    public IReadOnlyList<RecordLock> Files => kinds ?? [];

    public void Dispose()
    {
        var released = Interlocked.Exchange(ref kinds, null);
        if (released is not null)
        {
            owner.Release(released);
        }
    }
}
