using System.Globalization;
using SessionHooks.Records;
using SessionHooks.Ids;
using SessionHooks.Store;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Storage;

/// <summary>
/// Kills writers with SIGKILL at random moments while they append. Set SESSIONHOOKS_KILL_COUNT
/// to run more kills than the suite's default (the reliability target is 500).
/// </summary>
public class CrashSafetyTests
{
    private const int DefaultKills = 40;
    private const int SeedEntries = 2000;

    private static readonly string[] SessionFileNames = [.. Enum.GetValues<SessionFileKind>().Select(k => k.FileName())];

    [Test]
    public void WritersKilledAtRandomMoments_NeverTearTheFileOrLoseAnAcknowledgedEntry()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("SESSIONHOOKS_KILL_COUNT"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultKills;
        var root = TestDirectory.Create();
        var store = new SessionStore(Path.Combine(root, "worktree"), Path.Combine(root, "locks"));

        // A worklog of some size makes each write take long enough for kills to land inside it.
        store.AppendWorklogEntries([.. Enumerable.Range(0, SeedEntries).Select(i => SessionStoreTests.Entry(EntryId.New(DateTimeOffset.UtcNow), $"seed {i}"))]);
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
                killsThatLeftATemporaryFile += writers.Count(w => TemporaryFiles(store).Any(name => name.StartsWith($".worklog.json.{w.Id}.", StringComparison.Ordinal)));
                acknowledged.UnionWith(writers.SelectMany(w => w.Acknowledged));
                AssertIntact(store, acknowledged, $"after kill {killed} (pids {writers[0].Id}, {writers[1].Id})");
            }
            finally
            {
                Array.ForEach(writers, w => w.Dispose());
            }
        }

        using var last = WriterProcess.Start("append", store.WorktreeRoot, store.LockDirectory, "1");
        Assert.That(last.WaitForExit(TimeSpan.FromSeconds(60)), Is.Zero, last.StandardError);
        acknowledged.UnionWith(last.Acknowledged);
        AssertIntact(store, acknowledged, "after the last write");
        Assert.That(TemporaryFiles(store), Is.Empty, "the next write removes what killed writers left");
        TestContext.Out.WriteLine(
            $"{killed} kills; {acknowledged.Count} acknowledged entries; {killsThatLeftATemporaryFile} kills landed mid-write (left a temporary file)");
    }

    private static WriterProcess Start(SessionStore store) =>
        WriterProcess.Start("append", store.WorktreeRoot, store.LockDirectory, "1000000");

    private static void AssertIntact(SessionStore store, HashSet<string> acknowledged, string when)
    {
        var read = store.ReadWorklog();
        Assert.That(read.Diagnostics, Is.Empty, when);
        var ids = read.Value!.Entries.Select(e => e.Id).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count), $"duplicate ids {when}");
        Assert.That(acknowledged.Except(ids), Is.Empty, $"acknowledged entries lost {when}");

        var names = Directory.GetFiles(store.Folder).Select(path => Path.GetFileName(path)).ToList();
        Assert.That(names.Where(name => !SessionFileNames.Contains(name) && !IsTemporary(name)), Is.Empty, when);
        Assert.That(names.Where(name => name.EndsWith(".json", StringComparison.Ordinal)), Is.EqualTo(new[] { "worklog.json" }), when);
    }

    private static List<string> TemporaryFiles(SessionStore store) =>
        [.. Directory.GetFiles(store.Folder).Select(path => Path.GetFileName(path)).Where(IsTemporary)];

    private static bool IsTemporary(string name) =>
        name.StartsWith(".worklog.json.", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal);
}
