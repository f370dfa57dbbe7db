using System.Diagnostics;
using SessionHooks.Store;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Store;

public class ConcurrentWritersTests
{
    private const int Writers = 8;
    private const int EntriesEach = 100;

    [Test]
    public void EightProcessesAppendingAHundredEntriesEach_LoseNothing()
    {
        var root = TestDirectory.Create();
        var store = SessionStoreTests.NewStore(root);
        var go = Path.Combine(root, "go");
        var writers = Enumerable.Range(0, Writers)
            .Select(_ => WriterProcess.Start("append", store.WorktreeRoot, Path.Combine(root, "git"), $"{EntriesEach}", go))
            .ToList();
        try
        {
            foreach (var writer in writers)
            {
                Assert.That(writer.WaitForLine("ready", TimeSpan.FromSeconds(60)), Is.True, writer.StandardError);
            }

            var clock = Stopwatch.StartNew();
            File.WriteAllText(go, "");
            var exitCodes = writers.Select(w => w.WaitForExit(TimeSpan.FromMinutes(2))).ToList();
            TestContext.Out.WriteLine($"{Writers} × {EntriesEach} appends took {clock.ElapsedMilliseconds} ms");

            Assert.That(exitCodes, Is.All.Zero, string.Join("\n", writers.Select(w => w.StandardError)));
            Assert.That(store.Pending.Problems, Is.Empty);
            var ids = SessionStoreTests.PendingIds(store).ToList();
            Assert.That(ids, Has.Count.EqualTo(Writers * EntriesEach));
            Assert.That(ids.Distinct().Count(), Is.EqualTo(Writers * EntriesEach));
            Assert.That(ids, Is.EquivalentTo(writers.SelectMany(w => w.Acknowledged)));
        }
        finally
        {
            writers.ForEach(w => w.Dispose());
        }
    }
}
