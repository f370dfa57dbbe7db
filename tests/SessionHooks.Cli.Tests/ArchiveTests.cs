using System.Globalization;
using System.Text.Json.Nodes;

namespace SessionHooks.Cli.Tests;

public class ArchiveTests
{
    private const int Generated = 1000;

    [Test]
    public void Archive_OfAThousandSessions_LeavesOnlyOpenOnesHot_AndEveryCommandStillFindsTheArchived()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "decision", "keep the importer streaming");
        repo.Repo.Write("src/a.cs", "class A {}\n");
        repo.Run("add", "src/a.cs");
        repo.Run("commit", "-q", "-m", "Start");
        var current = repo.CurrentSessionId();
        var open = GenerateSessions(repo);
        repo.Run("add", ".sessions");
        repo.Run("commit", "-q", "-m", "A thousand sessions");
        Assert.That(repo.Session("validate").ExitCode, Is.Zero, "the generated records are valid to begin with");

        var archived = repo.Ok("archive");
        repo.Run("commit", "-q", "-m", "Archive ended sessions");

        Assert.That(archived, Does.Contain($"Archived {Generated - open.Count} session(s)"));
        var hot = repo.Sessions()["sessions"]!.AsArray().Select(s => (Id: (string)s!["id"]!, Status: (string)s["status"]!)).ToList();
        Assert.That(hot.Select(s => s.Status), Is.All.AnyOf("active", "handoff"), "the hot file holds only open sessions");
        Assert.That(hot.Select(s => s.Id), Is.EquivalentTo(open.Append(current)));
        Assert.That(Directory.GetDirectories(Path.Combine(repo.Root, ".sessions", "worklog")).Select(Path.GetFileName), Is.EquivalentTo(open.Append(current)));
        Assert.That(repo.Run("status", "--porcelain"), Is.Empty, "the commit recorded the whole move, and no hook brought a session back");
        Assert.That(repo.Ok("validate"), Does.Not.Contain("error"), "the archive is validated with the rest");

        Assert.That(CliRepository.Json(repo.Ok("list", "--json")).AsArray(), Has.Count.EqualTo(open.Count + 1));
        Assert.That(CliRepository.Json(repo.Ok("list", "--all", "--json")).AsArray(), Has.Count.EqualTo(Generated + 1));
        Assert.That(repo.Ok("show", IdOf(8)), Does.Contain("Generated session 8").And.Contain("completed"));
        repo.Ok("journal");
        var journal = File.ReadAllText(Path.Combine(repo.Root, "SESSION_JOURNAL.md"));
        Assert.That(journal, Does.Contain("Generated session 8").And.Contain("decision of session 8"), "the journal reads the archived worklogs");
        Assert.That(repo.Run("check-attr", "merge", ".sessions/archive/ai_sessions.json"), Does.Contain("merge: sessionhooks"), "the merge driver merges the archive by id");
    }

    [Test]
    public void Archive_KeepsNewerSessionsWithBefore_AndOnesWhoseOpenTasksNoOpenSessionCarries()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "task", "finish the exporter");
        repo.Repo.Write("src/a.cs", "class A {}\n");
        repo.Run("add", "src/a.cs");
        repo.Run("commit", "-q", "-m", "Start");
        var registry = repo.Sessions();
        var sessions = registry["sessions"]!.AsArray();
        sessions.Add(Generate(1, "completed", [Task("finish the exporter")]));
        sessions.Add(Generate(2, "completed", [Task("write the importer's docs")]));
        repo.Repo.Write(".sessions/ai_sessions.json", registry.ToJsonString());
        repo.Run("commit", "-q", "-am", "Two ended sessions");

        Assert.That(repo.Ok("archive", "--before", "2000-01-01"), Does.Contain("Nothing to archive"), "both ended after that date");
        var archived = repo.Ok("archive");

        Assert.That(archived, Does.Contain($"Kept {IdOf(2)}: it has open tasks no open session carries yet").And.Contain("Archived 1 session(s)"));
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["id"]), Does.Contain(IdOf(2)).And.Not.Contain(IdOf(1)));
        var bad = repo.Session("archive", "--before", "someday");
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.StandardError.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(bad.StandardError, Does.Contain("--before").And.Contain("yyyy-MM-dd"));
    }

    [Test]
    public void Archives_MadeOnTwoBranches_MergeByIdWithoutConflict_AndLeaveNoArchivedSessionInTheHotFile()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "decision", "keep it");
        repo.Run("commit", "-q", "--allow-empty", "-m", "Start");
        var main = repo.Run("branch", "--show-current").Trim();
        var registry = repo.Sessions();
        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            registry["sessions"]!.AsArray().Add(Generate(i, "completed", []));
        }

        repo.Repo.Write(".sessions/ai_sessions.json", registry.ToJsonString());
        repo.Run("commit", "-q", "-am", "Four ended sessions");
        repo.Run("checkout", "-q", "-b", "tidy");
        repo.Ok("archive", "--before", "2025-01-01T00:02:30Z");
        repo.Run("commit", "-q", "-m", "Archive the oldest two");
        repo.Run("checkout", "-q", main);
        repo.Ok("archive");
        repo.Run("commit", "-q", "-m", "Archive all four");

        var merge = repo.Repo.Try("merge", "--no-edit", "tidy");

        Assert.That(merge.ExitCode, Is.Zero, merge.ToString());
        var archive = repo.ReadJson(".sessions/archive/ai_sessions.json")["sessions"]!.AsArray().Select(s => (string?)s!["id"]).ToList();
        Assert.That(archive, Is.EquivalentTo(new[] { IdOf(1), IdOf(2), IdOf(3), IdOf(4) }), "the merge driver kept both sides' archived sessions");
        Assert.That(repo.Ok("validate"), Does.Not.Contain("error"));
        Assert.That(CliRepository.Json(repo.Ok("list", "--all", "--json")).AsArray().Select(s => (string?)s!["id"]), Is.Unique);

        // The branch that archived fewer still listed the others, unchanged since they ended: they stay archived.
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["status"]), Is.All.EqualTo("active"));
        Assert.That(repo.Ok("archive"), Does.Contain("Nothing to archive"));
    }

    [Test]
    public void ASessionBothLiveAndArchived_IsAWarningThatHoldsNoPushBack_AndArchiveFoldsItsCopies()
    {
        // What a merge leaves when this side archived a session another branch changed since:
        // the changed copy back in the hot file, and the ended one in the archive.
        var repo = WithOneSessionArchived();
        var registry = repo.Sessions();
        var changed = Generate(1, "active", [Task("a task added on another branch")]);
        changed["last_updated"] = TimeOf(0);
        registry["sessions"]!.AsArray().Add(changed);
        repo.Repo.Write(".sessions/ai_sessions.json", registry.ToJsonString());
        repo.Run("commit", "-q", "-am", "The merge's result");

        var validate = repo.Session("validate");
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
        Assert.That(validate.StandardOutput + validate.StandardError, Does.Contain("SH3007").And.Contain(IdOf(1)));
        var push = repo.Repo.Try("push", "-q", "origin", "HEAD");
        Assert.That(push.ExitCode, Is.Zero, push.ToString());

        Assert.That(repo.Ok("archive"), Does.Contain($"Folded {IdOf(1)}"));

        var hot = repo.Sessions()["sessions"]!.AsArray().Single(s => (string?)s!["id"] == IdOf(1))!;
        Assert.That((string?)hot["status"], Is.EqualTo("completed"), "the copy updated last, the archived one, gives the status");
        Assert.That(hot["backlog"]!.AsArray().Select(b => (string?)b!["text"]), Does.Contain("a task added on another branch"), "and nothing the other copy held is lost");
        Assert.That(repo.ReadJson(".sessions/archive/ai_sessions.json")["sessions"]!.AsArray(), Is.Empty, "kept hot for its open task, listed once");
        repo.Run("commit", "-q", "-m", "Fold");
        Assert.That(repo.Ok("validate"), Does.Not.Contain("SH3007"));
    }

    [Test]
    public void ABrokenArchiveRegistry_IsSetAsideAndRebuiltByRecover_AsTheLiveOneIs()
    {
        var repo = WithOneSessionArchived();
        var committed = File.ReadAllText(Path.Combine(repo.Root, ".sessions/archive/ai_sessions.json"));
        repo.Repo.Write(".sessions/archive/ai_sessions.json", "{\"sessions\": [");
        Assert.That(repo.Session("validate").ExitCode, Is.Not.Zero);

        var recover = repo.Ok("recover");

        Assert.That(recover, Does.Contain(".sessions/archive/ai_sessions.json: unreadable").And.Contain("rebuilt from the last commit").And.Not.Contain("could not commit"));
        Assert.That(File.ReadAllText(Path.Combine(repo.Root, ".sessions/archive/ai_sessions.json")), Is.EqualTo(committed));
        Assert.That(Directory.GetFiles(Path.Combine(repo.Root, ".sessions/archive"), "ai_sessions.bad-*.json"), Has.Length.EqualTo(1), "the broken copy is kept aside");
        Assert.That(repo.Session("validate").ExitCode, Is.Zero);
    }

    /// <summary>A repository whose generated session 1 ended, was archived, and the move committed.</summary>
    private static CliRepository WithOneSessionArchived()
    {
        var repo = CliRepository.Create();
        repo.Repo.Commit("a.txt", "a\n");
        var registry = repo.Sessions();
        registry["sessions"]!.AsArray().Add(Generate(1, "completed", []));
        repo.Repo.Write(".sessions/ai_sessions.json", registry.ToJsonString());
        repo.Run("commit", "-q", "-am", "An ended session");
        repo.Ok("archive");
        repo.Run("commit", "-q", "-m", "Archive it");
        return repo;
    }

    private static string TimeOf(int i) => new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Generate(int i, string status, JsonNode[] backlog) => new()
    {
        ["id"] = IdOf(i), ["branch"] = $"feature/f{i % 40}", ["title"] = $"Generated session {i}", ["type"] = "development", ["status"] = status,
        ["created"] = TimeOf(i), ["last_updated"] = TimeOf(i), ["issues"] = new JsonArray(), ["related_sessions"] = new JsonArray(),
        ["summary"] = $"summary {i}", ["knowledge_cache"] = new JsonArray(), ["context_notes"] = new JsonArray(), ["backlog"] = new JsonArray(backlog),
    };

    private static JsonObject Task(string text) => new() { ["text"] = text, ["kind"] = "task", ["priority"] = "medium", ["done"] = false };

    private static string IdOf(int i) => "20250101-" + i.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Writes 1,000 sessions into ai_sessions.json, one worklog file each; every hundredth stays open. Returns the open ones.</summary>
    private static List<string> GenerateSessions(CliRepository repo)
    {
        var registry = repo.Sessions();
        var sessions = registry["sessions"]!.AsArray();
        var open = new List<string>();
        for (var i = 0; i < Generated; i++)
        {
            var id = IdOf(i);
            var status = i % 100 == 0 ? (i % 200 == 0 ? "active" : "handoff") : (i % 7 == 0 ? "abandoned" : "completed");
            if (status is "active" or "handoff")
            {
                open.Add(id);
            }

            var time = TimeOf(i);
            sessions.Add(Generate(i, status, []));
            var entryId = time.Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal) + "-g" + i.ToString("D5", CultureInfo.InvariantCulture);
            var worklog = new JsonObject
            {
                ["$schema"] = "../../schemas/worklog.schema.json", ["schema_version"] = 2,
                ["entries"] = new JsonArray(new JsonObject { ["id"] = entryId, ["session"] = id, ["time"] = time, ["kind"] = "decision", ["text"] = $"decision of session {i}" }),
            };
            repo.Repo.Write($".sessions/worklog/{id}/{entryId}.json", worklog.ToJsonString());
        }

        repo.Repo.Write(".sessions/ai_sessions.json", registry.ToJsonString());
        return open;
    }
}
