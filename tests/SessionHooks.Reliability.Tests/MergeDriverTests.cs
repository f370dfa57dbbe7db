using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Reliability.Tests;

/// <summary><c>session merge-driver %O %A %B %P</c> run directly, as git runs it, on crafted versions.</summary>
public class MergeDriverTests
{
    private const string Header = "\"schema_version\": 1, \"knowledge_cache\": [], \"context_notes\": []";

    [TestCase(false, TestName = "MergeDriver_SameSessionOnBothSides_TheirsNewer_TakesTheirFields_EarliestCreated_UnionsLists")]
    [TestCase(true, TestName = "MergeDriver_SameSessionOnBothSides_OursNewer_TakesOurFields_EarliestCreated_UnionsLists")]
    public void MergeDriver_SameSession_NewerWins(bool oursNewer)
    {
        var older = Session("older title", "active", created: "2026-11-21T08:00:00Z", updated: "2026-11-21T10:00:00Z", cache: ["a.md", "b.md"], note: "older note", task: "older task");
        var newer = Session("newer title", "handoff", created: "2026-11-21T09:00:00Z", updated: "2026-11-21T11:00:00Z", cache: ["b.md", "c.md"], note: "newer note", task: "newer task");
        var only = Session("only theirs", "active", created: "2026-11-21T07:00:00Z", updated: "2026-11-21T07:00:00Z", cache: [], note: "x", task: "y", id: "20261121-zzzzz");
        var ours = oursNewer ? newer : older;
        var theirs = (oursNewer ? older : newer) + ", " + only;

        var (result, merged) = RunDriver("ai_sessions.json", $"{{ {Header}, \"sessions\": [] }}", $"{{ {Header}, \"sessions\": [{ours}] }}", $"{{ {Header}, \"sessions\": [{theirs}] }}");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var sessions = JsonNode.Parse(merged)!["sessions"]!.AsArray();
        Assert.That(sessions.Select(s => (string)s!["id"]!), Is.EquivalentTo(new[] { "20261121-k3f9q", "20261121-zzzzz" }));
        var session = sessions.Single(s => (string)s!["id"]! == "20261121-k3f9q")!;
        Assert.That((string?)session["title"], Is.EqualTo("newer title"));
        Assert.That((string?)session["status"], Is.EqualTo("handoff"));
        Assert.That((string?)session["last_updated"], Is.EqualTo("2026-11-21T11:00:00Z"));
        Assert.That((string?)session["created"], Is.EqualTo("2026-11-21T08:00:00Z"), "created is the earliest, never the newer side's");
        Assert.That(Strings(session["knowledge_cache"]), Is.EquivalentTo(new[] { "a.md", "b.md", "c.md" }));
        Assert.That(Strings(session["context_notes"]), Is.EquivalentTo(new[] { "older note", "newer note" }));
        Assert.That(session["backlog"]!.AsArray().Select(i => (string)i!["text"]!), Is.EquivalentTo(new[] { "older task", "newer task" }));
    }

    /// <summary>
    /// <c>session archive</c> removes ended sessions from ai_sessions.json; a branch made before it
    /// still lists them. Merging the two must not bring them back, yet a session the other side
    /// changed since (a task logged, a note) is kept, so nothing is lost.
    /// </summary>
    [TestCase(true, false, false, TestName = "MergeDriver_SessionOursRemoved_TheirsUnchanged_StaysRemoved")]
    [TestCase(false, false, false, TestName = "MergeDriver_SessionTheirsRemoved_OursUnchanged_StaysRemoved")]
    [TestCase(true, true, true, TestName = "MergeDriver_SessionOursRemoved_TheirsChanged_IsKept")]
    [TestCase(false, true, true, TestName = "MergeDriver_SessionTheirsRemoved_OursChanged_IsKept")]
    public void MergeDriver_SessionRemovedOnOneSide(bool oursRemoved, bool otherChanged, bool kept)
    {
        var live = Session("live", "active", created: "2026-11-21T08:00:00Z", updated: "2026-11-21T08:00:00Z", cache: [], note: "n", task: "t", id: "20261121-live0");
        var ended = Session("ended", "completed", created: "2026-11-21T07:00:00Z", updated: "2026-11-21T07:30:00Z", cache: [], note: "n", task: "t");
        var changed = Session("ended", "completed", created: "2026-11-21T07:00:00Z", updated: "2026-11-21T09:00:00Z", cache: [], note: "n", task: "a task logged since");
        var ancestor = $"{{ {Header}, \"sessions\": [{live}, {ended}] }}";
        var removed = $"{{ {Header}, \"sessions\": [{live}] }}";
        var listed = $"{{ {Header}, \"sessions\": [{live}, {(otherChanged ? changed : ended)}] }}";

        var (result, merged) = RunDriver("ai_sessions.json", ancestor, oursRemoved ? removed : listed, oursRemoved ? listed : removed);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var ids = JsonNode.Parse(merged)!["sessions"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        Assert.That(ids, kept ? Is.EqualTo(new[] { "20261121-live0", "20261121-k3f9q" }) : Is.EqualTo(new[] { "20261121-live0" }));
    }

    [Test]
    public void MergeDriver_ANullSessionOrATwiceListedOne_IsMergedWithoutAStackTrace_AndNothingIsDropped()
    {
        // Hand edits: a 'null' in the list, and one id listed twice with different tasks.
        var first = Session("first copy", "active", created: "2026-11-21T08:00:00Z", updated: "2026-11-21T08:00:00Z", cache: [], note: "n", task: "task of the first copy");
        var second = Session("second copy", "active", created: "2026-11-21T08:00:00Z", updated: "2026-11-21T09:00:00Z", cache: [], note: "n", task: "task of the second copy");
        var other = Session("other", "active", created: "2026-11-21T07:00:00Z", updated: "2026-11-21T07:00:00Z", cache: [], note: "n", task: "t", id: "20261121-other");
        var ancestor = $"{{ {Header}, \"sessions\": [{other}] }}";

        var (result, merged) = RunDriver("ai_sessions.json", ancestor, $"{{ {Header}, \"sessions\": [{other}, null, {first}] }}", $"{{ {Header}, \"sessions\": [{other}, {second}, null] }}");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardError, Does.Not.Contain("Exception"));
        var sessions = JsonNode.Parse(merged)!["sessions"]!.AsArray();
        Assert.That(sessions.Select(s => (string)s!["id"]!), Is.EqualTo(new[] { "20261121-other", "20261121-k3f9q" }));
        var folded = sessions[1]!;
        Assert.That((string?)folded["title"], Is.EqualTo("second copy"), "the copy updated last gives the fields");
        Assert.That(folded["backlog"]!.AsArray().Select(b => (string?)b!["text"]), Is.EquivalentTo(new[] { "task of the first copy", "task of the second copy" }));
    }

    [Test]
    public void MergeDriver_ARepositoryNoteRemovedOnOneSide_StaysRemoved_AndOnesAddedOnEitherAreKept()
    {
        static string Registry(string notes, string cache) =>
            $"{{ \"schema_version\": 1, \"knowledge_cache\": [{cache}], \"context_notes\": [{notes}], \"sessions\": [] }}";

        var (result, merged) = RunDriver(
            "ai_sessions.json",
            Registry("\"old note\", \"kept note\"", "\"old.md\""),
            Registry("\"kept note\", \"our note\"", "\"old.md\""),
            Registry("\"old note\", \"kept note\", \"their note\"", ""));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var file = JsonNode.Parse(merged)!;
        Assert.That(Strings(file["context_notes"]), Is.EqualTo(new[] { "kept note", "our note", "their note" }));
        Assert.That(Strings(file["knowledge_cache"]), Is.Empty);
    }

    [Test]
    public void MergeDriver_WithoutACommonAncestor_KeepsEverySessionOfBothSides()
    {
        // Two branches that each added the file: git passes an empty ancestor.
        var ours = Session("ours", "active", created: "2026-11-21T08:00:00Z", updated: "2026-11-21T08:00:00Z", cache: [], note: "n", task: "t", id: "20261121-ours0");
        var theirs = Session("theirs", "completed", created: "2026-11-21T07:00:00Z", updated: "2026-11-21T07:30:00Z", cache: [], note: "n", task: "t");

        var (result, merged) = RunDriver("ai_sessions.json", "", $"{{ {Header}, \"sessions\": [{ours}] }}", $"{{ {Header}, \"sessions\": [{theirs}] }}");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(JsonNode.Parse(merged)!["sessions"]!.AsArray().Select(s => (string)s!["id"]!), Is.EqualTo(new[] { "20261121-ours0", "20261121-k3f9q" }));
    }

    [Test]
    public void MergeDriver_Worklogs_UnionEntriesById()
    {
        var shared = Entry("20261121T090000Z-aaaaaaaa", "2026-11-21T09:00:00Z", "shared");
        var ours = Entry("20261121T100000Z-bbbbbbbb", "2026-11-21T10:00:00Z", "ours");
        var theirs = Entry("20261121T093000Z-cccccccc", "2026-11-21T09:30:00Z", "theirs");

        var (result, merged) = RunDriver(
            "worklog.json",
            $"{{ \"schema_version\": 1, \"entries\": [{shared}] }}",
            $"{{ \"schema_version\": 1, \"entries\": [{shared}, {ours}] }}",
            $"{{ \"schema_version\": 1, \"entries\": [{shared}, {theirs}] }}");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var ids = JsonNode.Parse(merged)!["entries"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "20261121T090000Z-aaaaaaaa", "20261121T093000Z-cccccccc", "20261121T100000Z-bbbbbbbb" }), "each entry once, in time order");
    }

    /// <summary>
    /// Two branches still in format 1 (one worklog.json, committed without the hooks, so not yet
    /// upgraded) that each added an entry at the same place: git's own merge conflicts, the driver
    /// install registered merges them, and the next commit through the hooks upgrades the result.
    /// </summary>
    [Test]
    public void Merge_OfTwoBranchesStillInFormatOne_MergesWorklogJsonByTheDriver_AndTheNextCommitUpgradesIt()
    {
        var repo = SessionRepository.Create();
        var session = repo.CurrentSessionId();
        var noHooks = new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" };
        void CommitWorklog(string message, params string[] entries)
        {
            var text = $"{{\n  \"schema_version\": 1,\n  \"entries\": [\n    {string.Join(",\n    ", entries)}\n  ]\n}}\n";
            File.WriteAllText(repo.PathOf("worklog.json"), text.Replace("20261121-k3f9q", session, StringComparison.Ordinal));
            repo.Run("add", "--", ".sessions/worklog.json");
            repo.CommitWithoutHooks(message);
        }

        var shared = Entry("20261121T090000Z-aaaaaaaa", "2026-11-21T09:00:00Z", "shared");
        CommitWorklog("format 1 worklog", shared);
        repo.Run("checkout", "-q", "-b", "feature/old");
        CommitWorklog("theirs", shared, Entry("20261121T093000Z-cccccccc", "2026-11-21T09:30:00Z", "theirs"));
        repo.Run("checkout", "-q", "main");
        CommitWorklog("ours", shared, Entry("20261121T100000Z-bbbbbbbb", "2026-11-21T10:00:00Z", "ours"));

        // The same merge by git's own text merge conflicts: the driver is what makes it clean.
        var attributes = Path.Combine(repo.GitDir, "info", "attributes");
        File.WriteAllText(attributes, ".sessions/worklog.json merge=text\n");
        Assert.That(repo.TryWith(noHooks, "merge", "-q", "--no-edit", "feature/old").ExitCode, Is.Not.Zero, "a text merge conflicts");
        repo.Run("merge", "--abort");
        File.Delete(attributes);

        var merge = repo.TryWith(noHooks, "merge", "-q", "--no-edit", "feature/old");

        Assert.That(merge.ExitCode, Is.Zero, merge.ToString());
        var ids = repo.ReadJson("worklog.json")["entries"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "20261121T090000Z-aaaaaaaa", "20261121T093000Z-cccccccc", "20261121T100000Z-bbbbbbbb" }));
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);

        repo.Repo.Commit("after-merge.txt", "x\n", "first commit through the hooks");

        Assert.That(File.Exists(repo.PathOf("worklog.json")), Is.False, "the commit upgraded the worklog");
        Assert.That(repo.RecordedEntries().Select(e => (string)e["id"]!), Is.SupersetOf(ids));
        Assert.That(repo.WorklogFiles(), Is.Not.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

    [TestCase("ours", TestName = "MergeDriver_OurSideUnparseable_ExitsOne_AndLeavesOursUntouched")]
    [TestCase("theirs", TestName = "MergeDriver_TheirSideUnparseable_ExitsOne_AndLeavesOursUntouched")]
    public void MergeDriver_UnparseableSide(string broken)
    {
        var good = $"{{ \"schema_version\": 1, \"entries\": [{Entry("20261121T090000Z-aaaaaaaa", "2026-11-21T09:00:00Z", "good")}] }}\n";
        const string bad = "{ \"schema_version\": 1, \"entries\": [ {\"id\": ";

        var (result, merged) = RunDriver("worklog.json", good, broken == "ours" ? bad : good, broken == "theirs" ? bad : good);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(merged, Is.EqualTo(broken == "ours" ? bad : good), "%A is left exactly as it was");
        Assert.That(result.Output, Does.Not.Contain("   at "));
    }

    private static (ProcessResult Result, string Merged) RunDriver(string file, string baseText, string oursText, string theirsText)
    {
        var directory = TestDirectory.Create();
        var paths = new[] { "base", "ours", "theirs" }.Select(n => Path.Combine(directory, n + ".json")).ToArray();
        File.WriteAllText(paths[0], baseText);
        File.WriteAllText(paths[1], oursText);
        File.WriteAllText(paths[2], theirsText);
        var result = ProcessRunner.Run("dotnet", [SessionRepository.SessionDll, "merge-driver", paths[0], paths[1], paths[2], ".sessions/" + file], directory);
        return (result, File.ReadAllText(paths[1]));
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!);

    private static string Session(string title, string status, string created, string updated, string[] cache, string note, string task, string id = "20261121-k3f9q") => $$"""
        { "id": "{{id}}", "branch": "feature/x", "title": "{{title}}", "type": "development", "status": "{{status}}",
          "created": "{{created}}", "last_updated": "{{updated}}", "issues": [], "related_sessions": [],
          "knowledge_cache": [{{string.Join(", ", cache.Select(c => $"\"{c}\""))}}], "context_notes": ["{{note}}"],
          "backlog": [{ "text": "{{task}}", "kind": "task", "priority": "medium", "done": false }] }
        """;

    private static string Entry(string id, string time, string text) =>
        $"{{ \"id\": \"{id}\", \"session\": \"20261121-k3f9q\", \"time\": \"{time}\", \"kind\": \"note\", \"text\": \"{text}\" }}";
}
