using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Storage;

public class WorklogTailTests
{
    [Test]
    public void TryAppendWorklogEntry_WritesExactlyTheBytesOfAFullRewrite()
    {
        var first = SessionStoreTests.Entry("20261121T195203Z-aaaaaaaa", "ünïcode \"quoted\"\nsecond line");
        var second = SessionStoreTests.Entry("20261121T195204Z-bbbbbbbb", "tab\there, $(not run)");
        var appended = NewStore();
        var rewritten = NewStore();
        appended.AppendWorklogEntries([first]);
        rewritten.AppendWorklogEntries([first]);

        Assert.That(appended.TryAppendWorklogEntry(second), Is.True, "the file is as SessionJson writes it");
        rewritten.UpdateWorklog(worklog =>
        {
            worklog.Entries.Add(second);
            return worklog;
        });

        Assert.That(File.ReadAllBytes(appended.PathOf(SessionFileKind.Worklog)), Is.EqualTo(File.ReadAllBytes(rewritten.PathOf(SessionFileKind.Worklog))));
        Assert.That(appended.ReadWorklog().Value!.Entries.Select(e => e.Id), Is.EqualTo(new[] { first.Id, second.Id }));
    }

    [TestCase("{\"schema_version\":1,\"entries\":[{\"id\":\"20261121T195203Z-aaaaaaaa\"}]}\n")]
    [TestCase("{\n  \"entries\": [\n    {}\n  ],\n  \"schema_version\": 1\n}\n")]
    [TestCase("{\n  \"schema_version\": 99,\n  \"entries\": [\n    {}\n  ]\n}\n")]
    [TestCase("{\n  \"schema_version\": 1,\n  \"entries\": [\n    {}\n  ]\n}")]
    [TestCase("{\n  \"schema_version\": 1,\n  \"entries\": [\n    {},\n  ]\n}\n")]
    public void TryAppendWorklogEntry_OnAFileSessionJsonWouldNotWrite_WritesNothingAndFallsBack(string text)
    {
        var store = NewStore();
        Directory.CreateDirectory(store.Folder);
        var path = store.PathOf(SessionFileKind.Worklog);
        File.WriteAllText(path, text);

        var appended = store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261121T195205Z-cccccccc"));

        Assert.That(appended, Is.False);
        Assert.That(File.ReadAllText(path), Is.EqualTo(text));
    }

    [Test]
    public void TryAppend_WithoutAnEntriesArrayLast_ReturnsNull()
    {
        var text = "{\n  \"schema_version\": 1,\n  \"entries\": []\n}\n"u8.ToArray();

        Assert.That(WorklogTail.TryAppend(text, [SessionStoreTests.Entry("20261121T195206Z-dddddddd")]), Is.Null);
    }

    [Test]
    public void RepeatedAppends_WriteExactlyTheBytesOfFullRewrites()
    {
        var entries = Enumerable.Range(0, 5).Select(i => SessionStoreTests.Entry($"20261122T0{i}0000Z-aaaaaaa{i}", $"entry {i}")).ToList();
        var appended = NewStore();
        var rewritten = NewStore();
        appended.AppendWorklogEntries([entries[0]]);
        rewritten.AppendWorklogEntries([entries[0]]);

        foreach (var entry in entries.Skip(1))
        {
            Assert.That(appended.TryAppendWorklogEntry(entry), Is.True);
            rewritten.AppendWorklogEntries([entry]);
        }

        Assert.That(File.ReadAllBytes(appended.PathOf(SessionFileKind.Worklog)), Is.EqualTo(File.ReadAllBytes(rewritten.PathOf(SessionFileKind.Worklog))));
        Assert.That(Directory.EnumerateFiles(appended.Folder), Has.Exactly(1).Items, "no temporary file is left");
    }

    [Test]
    public void AfterAnAppend_TheNextOneDoesNotReadTheStartAgain()
    {
        // Shown by breaking the start behind the memo's back: same length, same time, same last 4 KB.
        var store = NewStore();
        store.AppendWorklogEntries([.. Enumerable.Range(10, 40).Select(i => SessionStoreTests.Entry($"20261122T0000{i}Z-aaaaaaaa", new string('x', 100)))]);
        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010001Z-bbbbbbbb")), Is.True);
        var path = store.PathOf(SessionFileKind.Worklog);
        var written = File.GetLastWriteTimeUtc(path);
        BreakSchemaVersionInPlace(path);
        File.SetLastWriteTimeUtc(path, written);

        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010002Z-cccccccc")), Is.True, "trusted the memo");
        Assert.That(File.ReadAllText(path), Does.Contain("\"schema_version\": 8").And.Contain("20261122T010002Z-cccccccc"));
    }

    [Test]
    public void AfterAnAppend_AFileChangedSinceIsReadWholeAgain()
    {
        var store = NewStore();
        store.AppendWorklogEntries([SessionStoreTests.Entry("20261122T010000Z-aaaaaaaa")]);
        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010001Z-bbbbbbbb")), Is.True);
        var path = store.PathOf(SessionFileKind.Worklog);
        var written = File.GetLastWriteTimeUtc(path);
        BreakSchemaVersionInPlace(path);
        File.SetLastWriteTimeUtc(path, written.AddSeconds(1));
        var before = File.ReadAllBytes(path);

        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010002Z-cccccccc")), Is.False, "the new time sends it to the whole read");
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
    }

    [Test]
    public void AWholeRewrite_ForgetsTheMemo()
    {
        var store = NewStore();
        store.AppendWorklogEntries([SessionStoreTests.Entry("20261122T010000Z-aaaaaaaa")]);
        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010001Z-bbbbbbbb")), Is.True);
        var memo = Path.Combine(store.LockDirectory, "worklog.json.appended");
        Assert.That(File.Exists(memo), Is.True);

        store.AppendWorklogEntries([SessionStoreTests.Entry("20261122T010002Z-cccccccc")]);

        Assert.That(File.Exists(memo), Is.False);
        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010003Z-dddddddd")), Is.True);
        Assert.That(store.ReadWorklog().Value!.Entries, Has.Count.EqualTo(4));
    }

    [Test]
    public void AReadOnlyWorklog_IsAppendedToAsAWholeRewriteWouldBe()
    {
        Assume.That(OperatingSystem.IsWindows() || Environment.UserName != "root", "root writes to read-only files anyway");
        var store = NewStore();
        store.AppendWorklogEntries([SessionStoreTests.Entry("20261122T010000Z-aaaaaaaa")]);
        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010001Z-bbbbbbbb")), Is.True);
        var path = store.PathOf(SessionFileKind.Worklog);
        new FileInfo(path).IsReadOnly = true;

        Assert.That(store.TryAppendWorklogEntry(SessionStoreTests.Entry("20261122T010002Z-cccccccc")), Is.True);
        Assert.That(store.ReadWorklog().Value!.Entries, Has.Count.EqualTo(3));
        Assert.That(Directory.EnumerateFiles(store.Folder), Has.Exactly(1).Items, "no temporary file is left");
    }

    private static void BreakSchemaVersionInPlace(string path)
    {
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain("\"schema_version\": 1,"));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.Replace("\"schema_version\": 1,", "\"schema_version\": 8,", StringComparison.Ordinal));
        stream.Write(bytes);
    }

    private static SessionStore NewStore()
    {
        var root = TestDirectory.Create();
        return new SessionStore(Path.Combine(root, "worktree"), Path.Combine(root, "locks"));
    }
}
