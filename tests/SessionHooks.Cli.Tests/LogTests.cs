namespace SessionHooks.Cli.Tests;

public class LogTests
{
    [Test]
    public void Log_AddsOneEntry_TasksGoToBacklogAndPendingTasks_DecisionsToTheContext()
    {
        var repo = CliRepository.Create();
        var before = repo.Entries().Count;

        repo.Ok("log", "task", "write the migration", "--priority", "high");
        repo.Ok("log", "decision", "keep JSON, not YAML");
        repo.Ok("log", "idea", "cache the schema");

        var entries = repo.Entries();
        Assert.That(entries, Has.Count.EqualTo(before + 3));
        var session = repo.CurrentSessionId();
        Assert.That(entries.Skip(before).Select(e => (string?)e!["session"]), Is.All.EqualTo(session));
        Assert.That(entries.Skip(before).Select(e => (string?)e!["kind"]), Is.EqualTo(new[] { "task", "decision", "idea" }));
        var backlog = repo.SessionRecord(session)["backlog"]!.AsArray();
        Assert.That(backlog.Select(b => $"{b!["kind"]}:{b["priority"]}:{b["text"]}"),
            Is.EqualTo(new[] { "task:high:write the migration", "idea:medium:cache the schema" }));
        var context = repo.CurrentSession()["context"]!;
        Assert.That(context["pending_tasks"]!.AsArray().Select(t => (string?)t), Is.EqualTo(new[] { "write the migration" }));
        Assert.That(context["decisions"]!.AsArray().Select(t => (string?)t), Is.EqualTo(new[] { "keep JSON, not YAML" }));
        Assert.That(repo.PendingEntries(), Has.Count.EqualTo(3), "logging waits for the next commit");
        Assert.That(repo.Run("status", "--porcelain"), Is.Empty, "and touches no file git sees");

        repo.Repo.Commit("a.txt", "a\n");

        Assert.That(repo.PendingEntries(), Is.Empty);
        Assert.That(repo.Entries(), Has.Count.EqualTo(before + 3));
        Assert.That(repo.Session("validate").ExitCode, Is.Zero, "what log writes passes validation");
    }

    [Test]
    public void Log_ManyInOneSecond_KeepsTheOrderTheyWereLoggedIn()
    {
        // Times are whole seconds: one process after another logging within a second is ordered
        // by the entry ids alone, before the commit (pending) and after it (in the worklog).
        var repo = CliRepository.Create();
        var decisions = Enumerable.Range(1, 8).Select(i => $"decision {i}").ToArray();

        foreach (var decision in decisions)
        {
            repo.Ok("log", "decision", decision);
        }

        Assert.That(repo.CurrentSession()["context"]!["decisions"]!.AsArray().Select(d => (string?)d), Is.EqualTo(decisions));
        repo.Repo.Commit("a.txt", "a\n");
        Assert.That(repo.CurrentSession()["context"]!["decisions"]!.AsArray().Select(d => (string?)d), Is.EqualTo(decisions));
        var logged = repo.Entries().Where(e => (string?)e!["kind"] == "decision").ToList();
        Assert.That(logged.Select(e => (string?)e!["text"]), Is.EqualTo(decisions));
        Assert.That(logged.Select(e => (string)e!["id"]!), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Log_FromConcurrentProcesses_LosesNoEntry()
    {
        var repo = CliRepository.Create();
        var before = repo.Entries().Count;
        const int processes = 4, calls = 5;

        Parallel.For(0, processes, p =>
        {
            for (var i = 0; i < calls; i++)
            {
                Assert.That(repo.Session("log", "note", $"writer {p} line {i}").ExitCode, Is.Zero);
            }
        });

        var texts = repo.Entries().Skip(before).Select(e => (string?)e!["text"]).ToList();
        Assert.That(texts, Has.Count.EqualTo(processes * calls));
        Assert.That(texts, Is.Unique);
        repo.Repo.Commit("a.txt", "a\n");
        Assert.That(repo.Sessions()["sessions"]!.AsArray(), Has.Count.EqualTo(1), "one session, not one per writer");
    }

    [Test]
    public void Log_RedactsTokensKeysAndPrivateKeys_BeforeAnythingIsWritten()
    {
        var repo = CliRepository.Create();
        const string token = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        const string awsKey = "AKIAIOSFODNN7EXAMPLE";
        const string pemBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
        var pem = $"-----BEGIN RSA PRIVATE KEY-----\n{pemBody}\n-----END RSA PRIVATE KEY-----";

        var logged = repo.Session("log", "problem", $"pushed with {token} by mistake");
        repo.Ok("log", "task", $"rotate {awsKey}");
        repo.Ok("log", "note", $"the deploy key was\n{pem}\nplease remove");
        repo.Ok("note", "add", "db is Server=db;User Id=app;Password=hunter2;");
        repo.Ok("end", "--summary", "leaked postgres://app:s3cret@db/prod then fixed");

        Assert.That(logged.ExitCode, Is.Zero);
        Assert.That(logged.StandardError, Does.Contain("redacted github-token"));
        var files = repo.AllSessionFiles();
        Assert.That(files, Does.Not.Contain(token).And.Not.Contain(awsKey).And.Not.Contain(pemBody)
            .And.Not.Contain("hunter2").And.Not.Contain("s3cret"));
        Assert.That(files, Does.Contain("[REDACTED:github-token]").And.Contain("[REDACTED:aws-access-key-id]")
            .And.Contain("[REDACTED:private-key]").And.Contain("Password=[REDACTED:password]"));
    }

    [Test]
    public void Log_UsesConfigSecretPatterns_Too()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write(".sessions/config.json", "{\n  \"schema_version\": 2,\n  \"secret_patterns\": [\"ACME-[0-9]{6}\"]\n}\n");

        repo.Ok("log", "note", "licence ACME-123456 applied");

        Assert.That(repo.AllSessionFiles(), Does.Not.Contain("ACME-123456").And.Contain("[REDACTED:secret-pattern]"));
    }

    [Test]
    public void StartTitleAndBackfilledCommitSubjects_AreRedactedToo()
    {
        var repo = CliRepository.Create();
        var slack = "xoxb-" + "123456789012-1234567890123-" + new string('Q', 12) + "abcdEFGH1234";
        var stripe = "sk_live_" + "51H8x" + new string('Z', 10) + "9k2LmN0pQrStU";

        repo.Ok("start", "--title", $"rotate {slack}");
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", "c.txt");
        // Made without the hooks, so recover backfills an entry with the commit's subject.
        SessionHooks.Testing.GitRunner.Check(repo.Repo.Git.TryWith(repo.Root, new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, null, "commit", "-q", "-m", $"temporary key {stripe}"));
        var recover = repo.Session("recover");

        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(recover.Output, Does.Not.Contain(stripe));
        var files = repo.AllSessionFiles();
        Assert.That(files, Does.Not.Contain(slack).And.Not.Contain(stripe));
        Assert.That(files, Does.Contain("rotate [REDACTED:slack-token]").And.Contain("temporary key [REDACTED:stripe-key]"));
    }

    [Test]
    public void Log_WithASecretPatternTheLinearEngineRefuses_WritesNothing_AndSaysWhereTheFixIs()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write(".sessions/config.json", "{\n  \"schema_version\": 2,\n  \"secret_patterns\": [\"(?<=key=)\\\\w+\"]\n}\n");
        var before = repo.AllSessionFiles();

        var log = repo.Session("log", "note", "key=abc");
        var validate = repo.Session("validate");

        Assert.That(log.ExitCode, Is.EqualTo(2), log.ToString());
        Assert.That(log.StandardError.Trim(), Does.StartWith(".sessions/config.json: error SH2006: secret_patterns[0]").And.Not.Contain("\n"));
        Assert.That(repo.AllSessionFiles(), Is.EqualTo(before));
        Assert.That(validate.StandardOutput, Does.Match(@"\.sessions/config\.json\(3,\d+\): error SH2006: secret_patterns\[0\] cannot be run in linear time"));
    }
}
