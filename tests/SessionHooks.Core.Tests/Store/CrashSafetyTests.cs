using System.Globalization;
using SessionHooks.Records;
using SessionHooks.Ids;
using SessionHooks.Store;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Store;

/// <summary>
/// Kills writers with SIGKILL at random moments while they log into the pending area. Set SESSIONHOOKS_KILL_COUNT
/// to run more kills than the suite's default (the reliability target is 500).
/// </summary>
public class CrashSafetyTests
{
    private const int DefaultKills = 40;
    private const int SeedEntries = 2000;

    private const string PendingFile = "20261121-k3f9q.json";

    [Test]
    public void WritersKilledAtRandomMoments_NeverTearTheFileOrLoseAnAcknowledgedEntry()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("SESSIONHOOKS_KILL_COUNT"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultKills;
        var root = TestDirectory.Create();
        var store = SessionStoreTests.NewStore(root);
        gitDir = Path.Combine(root, "git");

        // A pending file of some size makes each write take long enough for kills to land inside it.
        SessionStoreTests.Log(store, [.. Enumerable.Range(0, SeedEntries).Select(i => SessionStoreTests.Entry(EntryId.New(DateTimeOffset.UtcNow), $"seed {i}"))]);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random();
        var killed = 0;
        var killsThatLeftATemporaryFile = 0;

        while (killed < kills)
        {
            // Two at a time, so one is often waiting on the lock the other holds when it dies.
            var writers = new[] { Start(store), Start(store) };
            try
            {
                foreach (var writer in writers)
                {
                    Assert.That(writer.WaitForLine(null, TimeSpan.FromSeconds(60)), Is.True, writer.StandardError);
                }

                foreach (var writer in writers)
                {
                    Thread.Sleep(random.Next(0, 80));
                    writer.KillHard();
                    killed++;
                }

                // Both are dead: a temporary file of theirs means the kill landed inside a write.
                killsThatLeftATemporaryFile += writers.Count(w => TemporaryFiles(store).Any(name => name.StartsWith($".{PendingFile}.{w.Id}.", StringComparison.Ordinal)));
                acknowledged.UnionWith(writers.SelectMany(w => w.Acknowledged));
                AssertIntact(store, acknowledged, $"after kill {killed} (pids {writers[0].Id}, {writers[1].Id})");
            }
            finally
            {
                Array.ForEach(writers, w => w.Dispose());
            }
        }

        using var last = WriterProcess.Start("append", store.WorktreeRoot, gitDir!, "1");
        Assert.That(last.WaitForExit(TimeSpan.FromSeconds(60)), Is.Zero, last.StandardError);
        acknowledged.UnionWith(last.Acknowledged);
        AssertIntact(store, acknowledged, "after the last write");
        Assert.That(TemporaryFiles(store), Is.Empty, "the next write removes what killed writers left");
        TestContext.Out.WriteLine(
            $"{killed} kills; {acknowledged.Count} acknowledged entries; {killsThatLeftATemporaryFile} kills landed mid-write (left a temporary file)");
    }

    private static string? gitDir;

    private static WriterProcess Start(SessionStore store) =>
        WriterProcess.Start("append", store.WorktreeRoot, gitDir!, "1000000");

    private static void AssertIntact(SessionStore store, HashSet<string> acknowledged, string when)
    {
        var pending = store.Pending.Read("20261121-k3f9q");
        Assert.That(store.Pending.Problems, Is.Empty, when);
        var ids = pending!.Entries.Select(e => e.Id).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count), $"duplicate ids {when}");
        Assert.That(acknowledged.Except(ids), Is.Empty, $"acknowledged entries lost {when}");

        var names = Directory.GetFiles(store.State.Pending).Select(path => Path.GetFileName(path)).ToList();
        Assert.That(names.Where(name => name != PendingFile && !IsTemporary(name)), Is.Empty, when);
    }

    private static List<string> TemporaryFiles(SessionStore store) =>
        [.. Directory.GetFiles(store.State.Pending).Select(path => Path.GetFileName(path)).Where(IsTemporary)];

    private static bool IsTemporary(string name) =>
        name.StartsWith("." + PendingFile + ".", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal);
}
