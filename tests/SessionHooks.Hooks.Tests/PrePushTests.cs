namespace SessionHooks.Hooks.Tests;

public class PrePushTests
{
    [Test]
    public void Push_OfLoggedCommits_IsAccepted()
    {
        var repo = HookedRepository.Create();
        repo.Repo.Commit("a.txt", "a\n");

        var result = repo.Try("push", "-q", "origin", "main");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void Push_OfACommitMadeWithNoVerify_IsRefusedUntilRecover()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", "c.txt");
        repo.Run("commit", "-q", "--no-verify", "-m", "sneaky change");
        var sneaky = repo.Repo.Head();

        var refused = repo.Try("push", "origin", "main");

        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain($"commit {sneaky[..12]} \"sneaky change\" has no worklog entry"));
        Assert.That(refused.StandardError, Does.Contain("session recover"));
        Assert.That(refused.StandardError, Does.Not.Contain("   at "));

        var recover = repo.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());

        var accepted = repo.Try("push", "-q", "origin", "main");
        Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
        var backfilled = repo.Entries().Single(e => (string?)e!["commit"] == sneaky)!;
        Assert.That((string?)backfilled["text"], Is.EqualTo("sneaky change"));
        Assert.That((bool?)backfilled["backfilled"], Is.True);
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [TestCase("HEAD")]
    [TestCase("HEAD:main")]
    [TestCase("HEAD:refs/heads/main")]
    public void Push_OfHead_IsJudgedAsTheBranchCheckedOut(string refspec)
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", "c.txt");
        repo.Run("commit", "-q", "--no-verify", "-m", "sneaky change");

        var refused = repo.Try("push", "origin", refspec);

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("\"sneaky change\" has no worklog entry"));
    }

    [Test]
    public void Push_OverACommitWhoseWorklogLostItsEntries_ReportsTheUnloggedCommits()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        var worklog = Path.Combine(repo.Root, ".sessions/worklog.json");
        var good = File.ReadAllText(worklog);
        File.WriteAllText(worklog, "{ \"schema_version\": 1, \"entries\": null }\n");
        repo.Run("commit", "-q", "--no-verify", "-a", "-m", "worklog broken");
        File.WriteAllText(worklog, good);
        repo.Run("commit", "-q", "--no-verify", "-a", "-m", "worklog restored");

        var refused = repo.Try("push", "origin", "HEAD");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("\"worklog broken\" has no worklog entry").And.Not.Contain("internal failure"));
    }

    [Test]
    public void Push_WithTheSchemaRuleAWarning_StillFindsUnloggedCommitsInAWorklogThatBreaksIt()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        File.WriteAllText(Path.Combine(repo.Root, ".sessions/config.json"), "{ \"schema_version\": 1, \"rules\": { \"schema\": \"warning\" } }\n");
        var worklog = Path.Combine(repo.Root, ".sessions/worklog.json");
        var text = File.ReadAllText(worklog);
        var at = text.IndexOf("\"session\": \"", StringComparison.Ordinal) + "\"session\": \"".Length;
        File.WriteAllText(worklog, text[..at] + "not a session id " + text[at..]);
        repo.Run("add", ".sessions");
        repo.Run("commit", "-q", "--no-verify", "-m", "sneaky change");

        var refused = repo.Try("push", "origin", "main");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("warning SH").And.Contain("\"sneaky change\" has no worklog entry"));
    }

    [Test]
    public void Push_FromADetachedHead_ChecksTheFilesOnly()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Run("checkout", "-q", "--detach");
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", "c.txt");
        repo.Run("commit", "-q", "--no-verify", "-m", "an experiment");

        var result = repo.Try("push", "-q", "origin", "HEAD:refs/heads/experiment");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void Push_WithBrokenAiSessionsCommitted_IsRefused()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"type\": \"development\"", "\"type\": 42", StringComparison.Ordinal));
        repo.Run("commit", "-q", "--no-verify", "-a", "-m", "broken by hand");

        var result = repo.Try("push", "origin", "main");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Match(@"\.sessions/ai_sessions\.json\(\d+,\d+\): error SH\d{4}: "));
    }

    [Test]
    public void Push_WithConflictMarkersInWorklog_IsRefused_AndRecoverKeepsEveryEntry()
    {
        var repo = HookedRepository.Create();
        // As in a clone where the merge driver is not installed: git's own text merge.
        File.WriteAllText(Path.Combine(repo.Repo.GitDir(), "info", "attributes"), ".sessions/*.json merge=text\n");
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");
        var ids = repo.Entries().Select(e => (string?)e!["id"]).ToHashSet();
        repo.Run("checkout", "-q", "feature/a");
        ids.UnionWith(repo.Entries().Select(e => (string?)e!["id"]));
        repo.Run("checkout", "-q", "main");

        Assert.That(repo.Try("merge", "-q", "feature/a", "-m", "merge").ExitCode, Is.Not.Zero, "without the driver the session files conflict");
        Assert.That(File.ReadAllText(Path.Combine(repo.Root, ".sessions/worklog.json")), Does.Contain("<<<<<<<"));
        repo.Run("add", "-A");
        repo.Run("commit", "-q", "--no-verify", "-m", "merge with markers");

        var refused = repo.Try("push", "origin", "main");
        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain("error SH1003"));

        var recover = repo.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(repo.Entries().Select(e => (string?)e!["id"]), Is.SupersetOf(ids));
        Assert.That(repo.Session("validate").ExitCode, Is.Zero, repo.Session("validate").Output);
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);
    }

    [Test]
    public void Push_NewBranchDeletionTagAndTwoRefs_AreEachDecided()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Run("checkout", "-q", "-b", "feature/new");
        repo.Repo.Commit("n.txt", "n\n");

        Assert.That(repo.Try("push", "-q", "origin", "feature/new").ExitCode, Is.Zero, "a new, logged branch");
        Assert.That(repo.Try("push", "-q", "origin", "--delete", "feature/new").ExitCode, Is.Zero, "a deletion");
        repo.Run("tag", "v1");
        Assert.That(repo.Try("push", "-q", "origin", "v1").ExitCode, Is.Zero, "a tag");

        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");
        repo.Run("checkout", "-q", "-b", "feature/sneaky");
        repo.Repo.Write("s.txt", "s\n");
        repo.Run("add", "s.txt");
        repo.Run("commit", "-q", "--no-verify", "-m", "unlogged");
        var both = repo.Try("push", "origin", "main", "feature/sneaky");
        Assert.That(both.ExitCode, Is.Not.Zero, "one bad ref refuses the push");
        Assert.That(both.StandardError, Does.Contain("\"unlogged\" has no worklog entry"));
        Assert.That(both.StandardError, Does.Not.Contain("\"m.txt\""));
    }

    [Test]
    public void Push_OfAClosedSessionsBranch_IsRefused()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"status\": \"active\"", "\"status\": \"completed\"", StringComparison.Ordinal)
            .Replace("\"last_updated\": \"2", "\"last_updated\": \"1", StringComparison.Ordinal));
        repo.Run("commit", "-q", "--no-verify", "-a", "-m", "close the session long ago");

        var result = repo.Try("push", "origin", "main");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("error SH4003"));
    }

    [Test]
    public void Push_WithUncommittedSessionChanges_IsRefused()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/worklog.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"entries\": [", "\"entries\": [\n", StringComparison.Ordinal));

        var result = repo.Try("push", "origin", "main");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("error SH4005"));
    }
}
