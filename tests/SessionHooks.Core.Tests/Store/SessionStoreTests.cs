using SessionHooks;
using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Store;

public class SessionStoreTests
{
    [Test]
    public void Read_MissingFile_IsMissingWithoutDiagnostics()
    {
        var store = NewStore();

        var result = store.ReadRegistry();

        Assert.That(result.Exists, Is.False);
        Assert.That(result.Value, Is.Null);
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Write_IsUtf8WithoutBom_LfOnly_AndLeavesNoTemporaryFile()
    {
        var store = NewStore();
        var path = RecordPaths.Chunk("20261121-k3f9q", "20261121T100000Z-aaaaaaaa");

        store.Write(path, SessionJson.Serialize(new Worklog { Entries = [Entry("20261121T195203Z-aaaaaaaa", "ünïcode")] }));

        var bytes = File.ReadAllBytes(store.FullPath(path));
        Assert.That(bytes[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.That(text, Does.Contain("\"text\": \"ünïcode\""));
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text, Does.EndWith("}\n"));
        Assert.That(Directory.GetFileSystemEntries(Path.GetDirectoryName(store.FullPath(path))!).Select(Path.GetFileName), Is.EqualTo(new[] { "20261121T100000Z-aaaaaaaa.json" }));
    }

    [Test]
    public void WorklogFiles_ListsASessionsFilesInOrder_AndSkipsTemporaryAndSetAsideFiles()
    {
        var store = NewStore();
        store.Write(RecordPaths.Chunk("20261121-k3f9q", "20261121T100001Z-bbbbbbbb"), "{}");
        store.Write(RecordPaths.Chunk("20261121-k3f9q", "20261121T100000Z-aaaaaaaa"), "{}");
        var folder = store.FullPath(RecordPaths.SessionWorklog("20261121-k3f9q"));
        File.WriteAllText(Path.Combine(folder, ".20261121T100002Z-cccccccc.json.4242.k3f9q2mx.tmp"), "{");
        File.WriteAllText(Path.Combine(folder, "20261121T100003Z-dddddddd.bad-20261122T100000.json"), "{");

        Assert.That(store.WorklogFiles("20261121-k3f9q"), Is.EqualTo(new[]
        {
            ".sessions/worklog/20261121-k3f9q/20261121T100000Z-aaaaaaaa.json",
            ".sessions/worklog/20261121-k3f9q/20261121T100001Z-bbbbbbbb.json",
        }));
        Assert.That(store.WorklogSessions(), Is.EqualTo(new[] { "20261121-k3f9q" }));
    }

    [Test]
    public void Read_InvalidJson_ReportsWhereWithTheRepositoryPath()
    {
        var store = NewStore();
        store.Write(RecordPaths.Registry, "{\n  \"sessions\": [,]\n}\n");

        var result = store.ReadRegistry();

        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Diagnostics[0].Render(), Does.StartWith(".sessions/ai_sessions.json(2,").And.Contain("error SH1002"));
    }

    [Test]
    public void Read_PathThatCannotBeRead_ReportsSH1001InsteadOfThrowing()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.FullPath(RecordPaths.Config));

        var result = store.ReadConfig();

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SH1001" }));
    }

    [Test]
    public void Write_WhenTheFolderCannotBeCreated_FailsWithSH5004()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.WorktreeRoot);
        File.WriteAllText(store.FullPath(RecordPaths.Folder), "a file where the folder should be");

        var failure = Assert.Throws<SessionHooksException>(() => store.Write(RecordPaths.Registry, "{}"));

        Assert.That(failure!.Diagnostic.Code, Is.EqualTo("SH5004"));
    }

    [Test]
    public void Write_RemovesTemporaryFilesThatKilledWritersLeft()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.FullPath(RecordPaths.Folder));
        var stale = Path.Combine(store.FullPath(RecordPaths.Folder), ".ai_sessions.json.99999.k3f9q2mx.tmp");
        File.WriteAllText(stale, "{ \"sessions\": [ half");

        store.Write(RecordPaths.Registry, "{}");

        Assert.That(File.Exists(stale), Is.False);
    }

    [Test]
    public void Delete_TheLastFileOfASession_RemovesItsFolder()
    {
        var store = NewStore();
        var path = RecordPaths.Chunk("20261121-k3f9q", "20261121T100000Z-aaaaaaaa");
        store.Write(path, "{}");

        store.Delete(path);

        Assert.That(Directory.Exists(store.FullPath(RecordPaths.SessionWorklog("20261121-k3f9q"))), Is.False);
        Assert.That(store.WorklogSessions(), Is.Empty);
    }

    internal static SessionStore NewStore(string? root = null, TimeSpan? timeout = null)
    {
        root ??= TestDirectory.Create();
        var gitDir = Path.Combine(root, "git");
        return new SessionStore(Path.Combine(root, "worktree"), new StatePaths(gitDir, gitDir)) { LockTimeout = timeout ?? TimeSpan.FromSeconds(10) };
    }

    internal static WorklogEntry Entry(string id, string text = "note", string session = "20261121-k3f9q") => new()
    {
        Id = id,
        Session = session,
        Time = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        Kind = WorklogKind.Note,
        Text = text,
    };

    /// <summary>Logs entries into the pending area as <c>session log</c> does.</summary>
    internal static void Log(SessionStore store, params WorklogEntry[] entries)
    {
        using var held = store.Lock(RecordLock.Pending);
        var view = RecordView.Read(store);
        foreach (var entry in entries)
        {
            view.Log(entry);
        }

        view.Save();
    }

    internal static IEnumerable<string> PendingIds(SessionStore store, string session = "20261121-k3f9q") =>
        store.Pending.Read(session)?.Entries.Select(e => e.Id) ?? [];
}
