namespace SessionHooks.Cli.Tests;

public class TaskTests
{
    [Test]
    public void Task_MovesThroughItsLifecycle_AndACommitNamingItsIdIsLinked()
    {
        var repo = CliRepository.Create();
        var added = repo.Ok("task", "add", "Handle quoted newlines", "--priority", "high", "--estimate", "1h30m");
        var id = System.Text.RegularExpressions.Regex.Match(added, "t-[0-9a-z]{5}").Value;
        Assert.That(id, Is.Not.Empty, added);
        repo.Ok("task", "add", "Write the changelog", "--priority", "low");

        Assert.That(repo.Ok("task", "start", id), Does.Contain($"Task {id} is in_progress"));
        repo.Repo.Write("src/csv.cs", "class Csv {}\n");
        repo.Run("add", "src/csv.cs");
        repo.Run("commit", "-q", "-m", "Quoted newlines in the reader", "-m", $"Closes {id.ToUpperInvariant()}.");
        var commit = repo.Repo.Head();

        var done = repo.Ok("task", "done", id, "--actual", "2h");

        Assert.That(done, Does.Contain($"Task {id} is done").And.Contain("took 2h, estimated 1h30m").And.Contain(commit[..10]));
        var rows = CliRepository.Json(repo.Ok("task", "list", "--all", "--json")).AsArray();
        var row = rows.Single(r => (string?)r!["id"] == id)!;
        Assert.That((string?)row["status"], Is.EqualTo("done"));
        Assert.That((int?)row["estimate_minutes"], Is.EqualTo(90));
        Assert.That((int?)row["actual_minutes"], Is.EqualTo(120));
        Assert.That(row["commits"]!.AsArray().Select(c => (string?)c), Is.EqualTo(new[] { commit }));
        Assert.That(repo.Ok("task", "list"), Does.Not.Contain(id).And.Contain("Write the changelog"), "list shows the open tasks");

        var summary = CliRepository.Json(repo.Ok("summary", "--json"))["tasks"]!;
        Assert.That((int?)summary["planned"], Is.EqualTo(2));
        Assert.That((int?)summary["completed"], Is.EqualTo(1));
        Assert.That((int?)summary["estimate_minutes"], Is.EqualTo(90));
        Assert.That((int?)summary["actual_minutes"], Is.EqualTo(120));
        Assert.That(repo.Ok("summary"), Does.Contain("Tasks:    2 planned, 1 completed, 0 blocked; estimated 1h30m, actual 2h for the completed ones"));
    }

    [Test]
    public void BacklogItems_FromAnEndedSession_CanBeBlockedDroppedAndDone_InEveryCopy()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "task", "finish the exporter", "--priority", "high");
        repo.Ok("log", "task", "try a streaming reader");
        repo.Ok("log", "task", "rename the module");
        var ended = repo.CurrentSessionId();
        repo.Ok("end", "--summary", "Exporter half done", "--status", "handoff");
        repo.Ok("start", "--title", "Next day");
        var next = repo.CurrentSessionId();

        var list = repo.Ok("task", "list");
        Assert.That(list, Does.StartWith(" 1. t-").And.Contain("[high] open        finish the exporter"), list);
        repo.Ok("task", "block", "finish the exporter", "--reason", "waiting for the API");
        repo.Ok("task", "drop", "rename the module", "--reason", "not worth it");
        repo.Ok("task", "done", "1");

        foreach (var session in new[] { ended, next })
        {
            var backlog = repo.SessionRecord(session)["backlog"]!.AsArray().ToDictionary(b => (string)b!["text"]!, b => b!);
            Assert.That((string?)backlog["finish the exporter"]["status"], Is.EqualTo("blocked"), session);
            Assert.That((string?)backlog["finish the exporter"]["reason"], Is.EqualTo("waiting for the API"));
            Assert.That((bool?)backlog["rename the module"]["done"], Is.True);
            Assert.That((string?)backlog["rename the module"]["status"], Is.EqualTo("dropped"));
            Assert.That((string?)backlog["try a streaming reader"]["status"], Is.EqualTo("done"), "the first open task by priority after the blocked one");
            Assert.That((string?)backlog["try a streaming reader"]["id"], Is.EqualTo((string?)repo.SessionRecord(next)["backlog"]!.AsArray()
                .Single(b => (string?)b!["text"] == "try a streaming reader")!["id"]), "the copies share one id");
        }

        var context = repo.Ok("context");
        Assert.That(context, Does.Contain("finish the exporter").And.Not.Contain("rename the module").And.Not.Contain("try a streaming reader"));
        repo.Repo.Write("notes.txt", "n\n");
        repo.Run("add", "notes.txt");
        repo.Run("commit", "-q", "-m", "Notes");
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["id"]), Is.EquivalentTo(new[] { ended, next }),
            "the commit records both sessions, and no third one started for the branch in passing");
        Assert.That(repo.Ok("validate"), Does.Not.Contain("error"));
    }

    [Test]
    public void Task_UnknownOrBadInput_IsOneLineAndExitTwo()
    {
        var repo = CliRepository.Create();

        var unknown = repo.Session("task", "done", "t-zzzzz");
        var badEstimate = repo.Session("task", "add", "x", "--estimate", "soon");

        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.StandardError.Trim(), Does.Contain("error SH6001: no task is 't-zzzzz'").And.Not.Contain("\n"));
        Assert.That(badEstimate.ExitCode, Is.EqualTo(2));
        Assert.That(badEstimate.StandardError.Trim(), Does.Contain("'soon' is not a duration"));
        Assert.That(repo.Ok("task", "list"), Is.EqualTo("No open tasks.\n"));
    }
}
