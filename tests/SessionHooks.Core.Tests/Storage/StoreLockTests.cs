using System.Diagnostics;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Testing;
using static SessionHooks.Tests.Storage.SessionStoreTests;

namespace SessionHooks.Tests.Storage;

public class StoreLockTests
{
    [Test]
    public void Update_WhileAnotherHolderKeepsTheLock_FailsWithSH5003AfterTheTimeout()
    {
        var root = TestDirectory.Create();
        var holder = Store(root);
        var waiter = Store(root, TimeSpan.FromMilliseconds(300));
        using var held = holder.Lock(SessionFileKind.Worklog);
        var clock = Stopwatch.StartNew();

        var failure = Assert.Throws<SessionHooksException>(() => waiter.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]));

        Assert.That(failure!.Diagnostic.Code, Is.EqualTo("SH5003"));
        Assert.That(failure.Diagnostic.Render(), Does.StartWith(".sessions/worklog.json: error SH5003:"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300)).And.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(File.Exists(waiter.PathOf(SessionFileKind.Worklog)), Is.False);
    }

    [Test]
    public void Lock_OfAProcessKilledWithSigkill_IsReleasedByTheSystem()
    {
        var root = TestDirectory.Create();
        var store = Store(root, TimeSpan.FromMilliseconds(200));
        using var holder = WriterProcess.Start("hold", store.WorktreeRoot, store.LockDirectory);
        Assert.That(holder.WaitForLine("locked", TimeSpan.FromSeconds(30)), Is.True, holder.StandardError);

        var blocked = Assert.Throws<SessionHooksException>(() => store.UpdateAiSessions(s => s));
        holder.KillHard();
        store.UpdateAiSessions(s => s);

        Assert.That(blocked!.Diagnostic.Code, Is.EqualTo("SH5003"));
        Assert.That(store.ReadAiSessions().HasErrors, Is.False);
    }

    [Test]
    public void LockAll_LetsOneThreadReadModifyWriteBothFilesWhileOthersWait()
    {
        var root = TestDirectory.Create();
        var store = Store(root);
        Task other;
        using (var batch = store.LockAll())
        {
            other = Task.Run(() => store.AppendWorklogEntries([Entry("20261121T100009Z-zzzzzzzz")]));

            var sessions = store.ReadAiSessions();
            store.UpdateAiSessions(s =>
            {
                s.ContextNotes.Add("registered with the first entry");
                return s;
            });
            store.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]);

            Assert.That(sessions.Exists, Is.False);
            Assert.That(batch.Files, Has.Count.EqualTo(4));
            Assert.That(other.Wait(TimeSpan.FromMilliseconds(300)), Is.False, "another thread wrote inside the batch");
        }

        Assert.That(other.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(store.ReadWorklog().Value!.Entries.Select(e => e.Id), Is.EqualTo(new[] { "20261121T100000Z-aaaaaaaa", "20261121T100009Z-zzzzzzzz" }));
        Assert.That(store.ReadAiSessions().Value!.ContextNotes, Has.Count.EqualTo(1));
    }

    [Test]
    public void Lock_TakenInAnyOrder_DoesNotDeadlockTwoBatches()
    {
        var root = TestDirectory.Create();
        var first = Store(root);
        var second = Store(root);

        var batches = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
        {
            var store = i % 2 == 0 ? first : second;
            using var batch = i % 2 == 0
                ? store.Lock(SessionFileKind.Worklog, SessionFileKind.AiSessions)
                : store.Lock(SessionFileKind.AiSessions, SessionFileKind.Worklog);
            store.UpdateAiSessions(s => s);
            store.AppendWorklogEntries([Entry($"20261121T1000{i:00}Z-aaaaaaaa")]);
        })).ToArray();

        Assert.That(Task.WaitAll(batches, TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(first.ReadWorklog().Value!.Entries, Has.Count.EqualTo(50));
    }

    [Test]
    public void LockFiles_LiveInTheGitDirectory_SoGitStatusShowsOnlyTheSessionFile()
    {
        var repository = TempRepository.Create();
        var store = new SessionStore(repository.Root, Path.Combine(repository.GitDir(), "sessionhooks", "locks"));

        store.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]);

        Assert.That(repository.Run("status", "--porcelain", "--untracked-files=all"), Is.EqualTo("?? .sessions/worklog.json\n"));
    }

    private static SessionStore Store(string root, TimeSpan? timeout = null) =>
        new(Path.Combine(root, "worktree"), Path.Combine(root, "locks")) { LockTimeout = timeout ?? TimeSpan.FromSeconds(10) };
}
