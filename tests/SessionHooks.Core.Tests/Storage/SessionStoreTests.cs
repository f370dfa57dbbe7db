using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Storage;

public class SessionStoreTests
{
    [Test]
    public void Read_MissingFile_IsMissingWithoutDiagnostics()
    {
        var store = NewStore();

        var result = store.ReadWorklog();

        Assert.That(result.Exists, Is.False);
        Assert.That(result.Value, Is.Null);
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Update_MissingFile_StartsFromAFreshFileWithSchemaReferenceAndVersion()
    {
        var store = NewStore();

        store.UpdateAiSessions(sessions =>
        {
            sessions.ContextNotes.Add("read SPEC.md first");
            return sessions;
        });

        var text = File.ReadAllText(store.PathOf(SessionFileKind.AiSessions));
        Assert.That(text, Does.StartWith("{\n  \"$schema\": \"schemas/ai_sessions.schema.json\",\n  \"schema_version\": 1,\n"));
        Assert.That(store.ReadAiSessions().Value!.ContextNotes, Is.EqualTo(new[] { "read SPEC.md first" }));
    }

    [Test]
    public void Update_WritesUtf8WithoutBomWithLfAndTrailingNewline_AndLeavesNoTemporaryFile()
    {
        var store = NewStore();

        store.AppendWorklogEntries([Entry("20261121T195203Z-aaaaaaaa", "ünïcode")]);

        var bytes = File.ReadAllBytes(store.PathOf(SessionFileKind.Worklog));
        Assert.That(bytes[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.That(text, Does.Contain("\"text\": \"ünïcode\""));
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text, Does.EndWith("}\n"));
        Assert.That(Directory.GetFileSystemEntries(store.Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "worklog.json" }));
    }

    [Test]
    public void Update_RereadsTheFileSoAnotherWritersChangeIsKept()
    {
        var root = TestDirectory.Create();
        var first = NewStore(root);
        var second = NewStore(root);

        first.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]);
        second.AppendWorklogEntries([Entry("20261121T100001Z-bbbbbbbb")]);
        first.AppendWorklogEntries([Entry("20261121T100002Z-cccccccc")]);

        Assert.That(Ids(first), Is.EqualTo(new[] { "20261121T100000Z-aaaaaaaa", "20261121T100001Z-bbbbbbbb", "20261121T100002Z-cccccccc" }));
    }

    [Test]
    public void Update_ReturningNull_WritesNothing()
    {
        var store = NewStore();

        var result = store.UpdateCurrentSession(_ => null);

        Assert.That(result.Schema, Is.EqualTo("schemas/current_session.schema.json"));
        Assert.That(File.Exists(store.PathOf(SessionFileKind.CurrentSession)), Is.False);
    }

    [Test]
    public void AppendWorklogEntries_SkipsIdsTheFileOrTheListAlreadyHas()
    {
        var store = NewStore();
        store.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa", "first")]);

        var added = store.AppendWorklogEntries(
        [
            Entry("20261121T100000Z-aaaaaaaa", "again"),
            Entry("20261121T100001Z-bbbbbbbb"),
            Entry("20261121T100001Z-bbbbbbbb"),
        ]);

        Assert.That(added, Is.EqualTo(1));
        Assert.That(Ids(store), Is.EqualTo(new[] { "20261121T100000Z-aaaaaaaa", "20261121T100001Z-bbbbbbbb" }));
        Assert.That(store.ReadWorklog().Value!.Entries[0].Text, Is.EqualTo("first"));
    }

    [TestCase("{ \"schema_version\": 1, \"entries\": [ ", "SH1002")]
    [TestCase("{\n<<<<<<< HEAD\n  \"entries\": []\n=======\n  \"entries\": [{}]\n>>>>>>> other\n}\n", "SH1003")]
    public void Update_UnreadableFile_FailsWithItsDiagnosticAndLeavesItUntouched(string content, string code)
    {
        var store = NewStore();
        Directory.CreateDirectory(store.Folder);
        File.WriteAllText(store.PathOf(SessionFileKind.Worklog), content);
        var called = false;

        var failure = Assert.Throws<SessionHooksException>(() => store.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]));
        var viaUpdate = Assert.Throws<SessionHooksException>(() => store.UpdateWorklog(w => { called = true; return w; }));

        Assert.That(failure!.Diagnostic.Code, Is.EqualTo(code));
        Assert.That(failure.Diagnostic.File, Is.EqualTo(".sessions/worklog.json"));
        Assert.That(viaUpdate!.Diagnostic.Code, Is.EqualTo(code));
        Assert.That(called, Is.False);
        Assert.That(File.ReadAllText(store.PathOf(SessionFileKind.Worklog)), Is.EqualTo(content));
    }

    [Test]
    public void Read_InvalidJson_ReportsWhereWithTheRepositoryPath()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.Folder);
        File.WriteAllText(store.PathOf(SessionFileKind.AiSessions), "{\n  \"sessions\": [,]\n}\n");

        var result = store.ReadAiSessions();

        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Diagnostics[0].Render(), Does.StartWith(".sessions/ai_sessions.json(2,").And.Contain("error SH1002"));
    }

    [Test]
    public void Read_PathThatCannotBeRead_ReportsSH1001InsteadOfThrowing()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.PathOf(SessionFileKind.Config));

        var result = store.ReadConfig();

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SH1001" }));
    }

    [Test]
    public void Update_WhenTheFolderCannotBeCreated_FailsWithSH5004()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.WorktreeRoot);
        File.WriteAllText(store.Folder, "a file where the folder should be");

        var failure = Assert.Throws<SessionHooksException>(() => store.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]));

        Assert.That(failure!.Diagnostic.Code, Is.EqualTo("SH5004"));
    }

    [Test]
    public void Write_RemovesTemporaryFilesThatKilledWritersLeft()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.Folder);
        var stale = Path.Combine(store.Folder, ".worklog.json.99999.k3f9q2mx.tmp");
        File.WriteAllText(stale, "{ \"entries\": [ half");

        store.AppendWorklogEntries([Entry("20261121T100000Z-aaaaaaaa")]);

        Assert.That(File.Exists(stale), Is.False);
        Assert.That(Directory.GetFiles(store.Folder, "*.tmp"), Is.Empty);
    }

    [Test]
    public void WriteText_ReplacesEvenAnUnreadableFile()
    {
        var store = NewStore();
        Directory.CreateDirectory(store.Folder);
        File.WriteAllText(store.PathOf(SessionFileKind.Worklog), "<<<<<<< HEAD\n");

        store.WriteText(SessionFileKind.Worklog, "{\n  \"schema_version\": 1,\n  \"entries\": []\n}\n");

        Assert.That(store.ReadWorklog().HasErrors, Is.False);
    }

    private static SessionStore NewStore(string? root = null)
    {
        root ??= TestDirectory.Create();
        return new SessionStore(Path.Combine(root, "worktree"), Path.Combine(root, "locks"));
    }

    internal static WorklogEntry Entry(string id, string text = "note") => new()
    {
        Id = id,
        Session = "20261121-k3f9q",
        Time = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        Kind = WorklogKind.Note,
        Text = text,
    };

    private static IEnumerable<string> Ids(SessionStore store) => store.ReadWorklog().Value!.Entries.Select(e => e.Id);
}
