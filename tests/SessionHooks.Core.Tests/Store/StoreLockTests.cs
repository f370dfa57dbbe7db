using SessionHooks;
using System.Diagnostics;
using SessionHooks.Diagnostics;
using SessionHooks.Store;
using SessionHooks.Testing;
using static SessionHooks.Tests.Store.SessionStoreTests;

namespace SessionHooks.Tests.Store;

public class StoreLockTests
{
    [Test]
    public void Log_WhileAnotherHolderKeepsTheLock_FailsWithSH5003AfterTheTimeout()
    {
        var root = TestDirectory.Create();
        var holder = NewStore(root);
        var waiter = NewStore(root, TimeSpan.FromMilliseconds(300));
        using var held = holder.Lock(RecordLock.Pending);
        var clock = Stopwatch.StartNew();

        var failure = Assert.Throws<SessionHooksException>(() => Log(waiter, Entry("20261121T100000Z-aaaaaaaa")));

        Assert.That(failure!.Diagnostic.Code, Is.EqualTo("SH5003"));
        Assert.That(failure.Diagnostic.Render(), Does.StartWith("the pending records: error SH5003:"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300)).And.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(PendingIds(waiter), Is.Empty);
    }

    [Test]
    public void Lock_OfAProcessKilledWithSigkill_IsReleasedByTheSystem()
    {
        var root = TestDirectory.Create();
        var store = NewStore(root, TimeSpan.FromMilliseconds(200));
        using var holder = WriterProcess.Start("hold", store.WorktreeRoot, GitDir(root));
        Assert.That(holder.WaitForLine("locked", TimeSpan.FromSeconds(30)), Is.True, holder.StandardError);

        var blocked = Assert.Throws<SessionHooksException>(() => Log(store, Entry("20261121T100000Z-aaaaaaaa")));
        holder.KillHard();
        Log(store, Entry("20261121T100000Z-aaaaaaaa"));

        Assert.That(blocked!.Diagnostic.Code, Is.EqualTo("SH5003"));
        Assert.That(PendingIds(store), Is.EqualTo(new[] { "20261121T100000Z-aaaaaaaa" }));
    }

    [Test]
    public void LockAll_KeepsOtherWritersOut_UntilReleased()
    {
        var root = TestDirectory.Create();
        var store = NewStore(root);
        Task other;
        using (var batch = store.LockAll())
        {
            other = Task.Run(() => Log(store, Entry("20261121T100009Z-zzzzzzzz")));
            Log(store, Entry("20261121T100000Z-aaaaaaaa"));

            Assert.That(batch.Files, Has.Count.EqualTo(3));
            Assert.That(other.Wait(TimeSpan.FromMilliseconds(300)), Is.False, "another thread wrote inside the batch");
        }

        Assert.That(other.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(PendingIds(store), Is.EqualTo(new[] { "20261121T100000Z-aaaaaaaa", "20261121T100009Z-zzzzzzzz" }));
    }

    [Test]
    public void Locks_TakenInAnyOrder_DoNotDeadlock()
    {
        var root = TestDirectory.Create();
        var first = NewStore(root);
        var second = NewStore(root);

        var batches = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
        {
            var store = i % 2 == 0 ? first : second;
            using var batch = i % 2 == 0
                ? store.Lock(RecordLock.CurrentSession, RecordLock.Pending, RecordLock.Records)
                : store.Lock(RecordLock.Records, RecordLock.Pending);
            Log(store, Entry($"20261121T1000{i:00}Z-aaaaaaaa"));
        })).ToArray();

        Assert.That(Task.WaitAll(batches, TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(PendingIds(first).Count(), Is.EqualTo(50));
    }

    [Test]
    public void LockFilesAndThePendingArea_LiveInTheGitDirectory_SoGitStatusShowsNothing()
    {
        var repository = TempRepository.Create();
        var gitDir = repository.GitDir();
        var store = new SessionStore(repository.Root, new StatePaths(gitDir, gitDir));

        Log(store, Entry("20261121T100000Z-aaaaaaaa"));

        Assert.That(repository.Run("status", "--porcelain", "--untracked-files=all"), Is.Empty);
        Assert.That(File.Exists(Path.Combine(gitDir, "sessionhooks", "pending", "20261121-k3f9q.json")), Is.True);
    }

    private static string GitDir(string root) => Path.Combine(root, "git");
}
