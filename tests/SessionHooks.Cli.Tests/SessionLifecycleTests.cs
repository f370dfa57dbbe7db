using SessionHooks.Testing;

namespace SessionHooks.Cli.Tests;

public class SessionLifecycleTests
{
    /// <summary>Right after install, before any commit made the state folders: start, log and end work.</summary>
    [Test]
    public void StartLogAndEnd_WorkRightAfterInstall_BeforeAnyCommit()
    {
        var repo = TempRepository.Create();
        repo.Commit("README.md", "# sandbox\n", "initial commit");
        GitRunner.Check(InstalledRepository.Session(repo, repo.Root, "install", "--hooks-dir", InstalledRepository.HooksFolder));

        foreach (var arguments in new[] { new[] { "start", "--title", "First steps" }, ["log", "decision", "keep it small"], ["end", "--summary", "done"] })
        {
            var result = InstalledRepository.Session(repo, repo.Root, arguments);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
        }
    }

    [Test]
    public void Start_RegistersANewCurrentSession_AndClosesNothing()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "note", "first session");
        var first = repo.CurrentSessionId();

        var output = repo.Ok("start", "--title", "Parser rewrite", "--type", "user", "--issue", "#12");

        var second = repo.CurrentSessionId();
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(output, Does.Contain(second));
        var session = repo.SessionRecord(second);
        Assert.That((string?)session["title"], Is.EqualTo("Parser rewrite"));
        Assert.That((string?)session["type"], Is.EqualTo("user"));
        Assert.That((string?)session["branch"], Is.EqualTo("main"));
        Assert.That(session["issues"]!.AsArray().Select(i => (string?)i), Is.EqualTo(new[] { "#12" }));
        Assert.That((string?)repo.SessionRecord(first)["status"], Is.EqualTo("active"), "start closes nothing");
        Assert.That(session["related_sessions"]!.AsArray().Select(i => (string?)i), Does.Contain(first));
    }

    [Test]
    public void End_MarksTheSession_AndItsOpenTasksReachTheNextSessionsContext()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "task", "finish the exporter", "--priority", "high");
        repo.Ok("log", "idea", "try a streaming reader", "--priority", "low");
        var ended = repo.CurrentSessionId();

        var output = repo.Ok("end", "--summary", "Exporter half done", "--status", "handoff");
        Assert.That(output, Does.Contain("2 open backlog item(s)"));
        var record = repo.SessionRecord(ended);
        Assert.That((string?)record["status"], Is.EqualTo("handoff"));
        Assert.That((string?)record["summary"], Is.EqualTo("Exporter half done"));

        repo.Ok("end", "--summary", "Handed over for good");
        Assert.That((string?)repo.SessionRecord(ended)["status"], Is.EqualTo("completed"));

        repo.Ok("start", "--title", "Next day");
        var next = repo.CurrentSessionId();
        Assert.That(next, Is.Not.EqualTo(ended));
        var backlog = repo.SessionRecord(next)["backlog"]!.AsArray().Select(b => (string?)b!["text"]);
        Assert.That(backlog, Is.EquivalentTo(new[] { "finish the exporter", "try a streaming reader" }));

        var context = repo.Ok("context");
        Assert.That(context, Does.Contain("[high] task: finish the exporter").And.Contain("[low] idea: try a streaming reader"));
        Assert.That(context, Does.Contain("Handed over for good"), "the earlier session's summary is shown");
        var json = CliRepository.Json(repo.Ok("context", "--json"));
        Assert.That(json["backlog"]!.AsArray().Select(b => (string?)b!["text"]), Is.EquivalentTo(new[] { "finish the exporter", "try a streaming reader" }));
    }

    [Test]
    public void Switch_RepointsTheCurrentSession_WithoutCheckingAnythingOut()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "note", "session A");
        var a = repo.CurrentSessionId();
        repo.Ok("start", "--title", "B");
        var b = repo.CurrentSessionId();
        repo.Run("checkout", "-q", "-b", "feature/x");
        repo.Ok("log", "note", "on feature");
        var onFeature = repo.CurrentSessionId();
        repo.Run("checkout", "-q", "main");

        repo.Ok("switch", a);
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(a));
        repo.Ok("switch", b);
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(b));

        var refused = repo.Session("switch", onFeature);
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.StandardError, Does.Contain("git checkout feature/x"));
        var byBranch = repo.Session("switch", "feature/x");
        Assert.That(byBranch.ExitCode, Is.EqualTo(2));
        Assert.That(repo.Run("rev-parse", "--abbrev-ref", "HEAD").Trim(), Is.EqualTo("main"), "switch never checks out");
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(b));
    }

    [Test]
    public void ListShowAndJournal_ReportTheSessions()
    {
        var repo = CliRepository.Create();
        repo.Ok("start", "--title", "Importer");
        var id = repo.CurrentSessionId();
        repo.Ok("log", "decision", "stream the input");
        repo.Ok("log", "problem", "the old reader leaks handles");
        repo.Ok("log", "insight", "UTF-8 BOMs appear in exports");
        repo.Ok("log", "task", "add a BOM test", "--priority", "high");
        repo.Repo.Write("src/importer.cs", "class Importer {}\n");
        repo.Run("add", "src/importer.cs");
        repo.Run("commit", "-q", "-m", "Importer skeleton");
        repo.Ok("end", "--summary", "Importer skeleton in place");

        Assert.That(repo.Ok("list"), Does.Contain(id).And.Contain("completed").And.Contain("Importer"));
        Assert.That(repo.Ok("list", "--status", "active"), Does.Not.Contain(id));
        var listed = CliRepository.Json(repo.Ok("list", "--json")).AsArray();
        Assert.That(listed.Select(s => (string?)s!["id"]), Does.Contain(id));
        var shown = CliRepository.Json(repo.Ok("show", id, "--json"));
        Assert.That((string?)shown["summary"], Is.EqualTo("Importer skeleton in place"));
        Assert.That(repo.Ok("show", id), Does.Contain("Importer skeleton in place").And.Contain("add a BOM test"));

        repo.Ok("journal", "--output", "JOURNAL.md");
        var journal = File.ReadAllText(Path.Combine(repo.Root, "JOURNAL.md"));
        var subject = repo.Run("log", "-1", "--format=%h", "HEAD").Trim();
        Assert.That(journal, Does.Contain($"## Importer ({id})"));
        Assert.That(journal, Does.Contain("### Key decisions and rationale\n\n- stream the input"));
        Assert.That(journal, Does.Contain("### Deliverables").And.Contain("Importer skeleton").And.Contain(subject[..7]));
        Assert.That(journal, Does.Contain("problem: the old reader leaks handles").And.Contain("insight: UTF-8 BOMs appear in exports"));
        Assert.That(journal, Does.Contain("### Next work items\n\n#### High priority\n\n- [high] task: add a BOM test"));
    }
}
