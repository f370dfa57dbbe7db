using SessionHooks.Formats;
using SessionHooks.Model;
using SessionHooks.Storage;
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

    private static SessionStore NewStore()
    {
        var root = TestDirectory.Create();
        return new SessionStore(Path.Combine(root, "worktree"), Path.Combine(root, "locks"));
    }
}
