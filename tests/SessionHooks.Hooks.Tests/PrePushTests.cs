namespace SessionHooks.Hooks.Tests;

public class PrePushTests
{
    [Test]
    public void Push_OfCommitsMadeWithTheHooks_IsAccepted()
    {
        var repo = HookedRepository.Create();
        repo.Repo.Commit("a.txt", "a\n");

        var result = repo.Try("push", "-q", "origin", "main");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void Push_OfACommitMadeWithoutTheHooks_IsRefusedUntilRecoverBackfillsIt()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        var sneaky = repo.CommitWithoutHooks("c.txt", "c\n", "sneaky change");

        var refused = repo.Try("push", "origin", "main");

        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain($"commit {sneaky[..12]} \"sneaky change\" has no Session-Id trailer and no worklog entry"));
        Assert.That(refused.StandardError, Does.Contain("session recover"));
        Assert.That(refused.StandardError, Does.Not.Contain("   at "));

        var recover = repo.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());

        var accepted = repo.Try("push", "-q", "origin", "main");
        Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
        var backfilled = repo.WorklogEntries().Single(e => (string?)e["commit"] == sneaky);
        Assert.That((string?)backfilled["text"], Is.EqualTo("sneaky change"));
        Assert.That((bool?)backfilled["backfilled"], Is.True);
        Assert.That(HookedRepository.Paths(backfilled), Is.EqualTo(new[] { "c.txt" }));
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void Push_OfACommitMadeWithNoVerify_IsAccepted_ForItStillNamesItsSession()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", "c.txt");
        repo.Run("commit", "-q", "--no-verify", "-m", "quick fix");

        Assert.That(repo.TrailerOf(), Is.EqualTo(repo.CurrentSessionId()));
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);
    }

    [TestCase("HEAD")]
    [TestCase("HEAD:main")]
    [TestCase("HEAD:refs/heads/main")]
    public void Push_OfHead_IsJudgedAsTheBranchCheckedOut(string refspec)
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.CommitWithoutHooks("c.txt", "c\n", "sneaky change");

        var refused = repo.Try("push", "origin", refspec);

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("\"sneaky change\" has no Session-Id trailer"));
    }

    [Test]
    public void Push_WithTheSchemaRuleAWarning_StillFindsUnloggedCommits()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        File.WriteAllText(Path.Combine(repo.Root, ".sessions/config.json"), "{ \"schema_version\": 2, \"rules\": { \"schema\": \"warning\" } }\n");
        var registry = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        File.WriteAllText(registry, File.ReadAllText(registry).Replace("\"type\": \"development\"", "\"type\": \"42\"", StringComparison.Ordinal));
        repo.Run("add", ".sessions");
        GitRunnerCheck(repo.TryWith(new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, "commit", "-q", "-m", "sneaky change"));

        var refused = repo.Try("push", "origin", "main");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("warning SH2").And.Contain("\"sneaky change\" has no Session-Id trailer"));
        Assert.That(refused.StandardError, Does.Not.Contain("internal failure"));
    }

    [Test]
    public void Push_FromADetachedHead_ChecksTheRecordsOnly()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Run("checkout", "-q", "--detach");
        repo.CommitWithoutHooks("c.txt", "c\n", "an experiment");

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
    public void Push_OfOneSessionBrokenByHand_AfterEverySessionPassedBefore_IsRefusedAtItsLine()
    {
        var repo = HookedRepository.Create();
        repo.Run("switch", "-q", "-c", "feature/b");
        repo.Repo.Commit("b.txt", "b\n");
        Assert.That(repo.Try("push", "-q", "origin", "feature/b").ExitCode, Is.Zero, "every session checked and remembered");
        var cache = File.ReadAllLines(Path.Combine(repo.Repo.GitDir(), "sessionhooks", "validated-blobs"));
        Assert.That(cache.Count(l => l.StartsWith("ai_sessions.json/sessions[] ", StringComparison.Ordinal)), Is.EqualTo(2), string.Join("\n", cache));

        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("\"type\": \"development\"", StringComparison.Ordinal);
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - text.LastIndexOf('\n', at) + "\"type\": ".Length;
        File.WriteAllText(path, text[..at] + "\"type\": 42" + text[(at + "\"type\": \"development\"".Length)..]);
        repo.Run("commit", "-q", "--no-verify", "-a", "-m", "broken by hand");

        var refused = repo.Try("push", "origin", "feature/b");

        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain($".sessions/ai_sessions.json({line},{column}): error SH").And.Contain("'sessions[0].type'"));

        File.WriteAllText(path, text);
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", "c.txt");
        repo.Run("commit", "-q", "-a", "--amend", "-m", "mended, with the hooks");
        var accepted = repo.Try("push", "-q", "origin", "feature/b");
        Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
    }

    [Test]
    public void Push_OfAnotherBranch_WhoseAiSessionsHasAByteThatIsNotUtf8_IsRefusedEachTime()
    {
        var repo = HookedRepository.Create();
        repo.Run("switch", "-q", "-c", "feature/bytes");
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.AsSpan().IndexOf("\"type\": \"development\""u8) + 12] = 0xFF;
        File.WriteAllBytes(path, bytes);
        repo.Run("commit", "-q", "--no-verify", "-a", "-m", "a byte that is not UTF-8");
        repo.Run("switch", "-q", "main");

        // Read from git, not from the worktree: the check must see the byte itself, not a decoder's replacement.
        var first = repo.Try("push", "origin", "feature/bytes");
        var again = repo.Try("push", "origin", "feature/bytes");

        Assert.That(first.ExitCode, Is.Not.Zero);
        Assert.That(first.StandardError, Does.Contain("error SH1004").And.Contain("not valid UTF-8"));
        Assert.That(again.StandardError, Does.Contain("error SH1004"), "nothing about the blob was remembered as valid");
    }

    [Test]
    public void Push_WithConflictMarkersInAiSessions_IsRefused_AndRecoverKeepsEverySession()
    {
        var repo = HookedRepository.Create();
        // As in a clone where the merge driver is not installed: git's own text merge.
        File.WriteAllText(Path.Combine(repo.Repo.GitDir(), "info", "attributes"), ".sessions/*.json merge=text\n");
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        var featureSession = repo.CurrentSessionId();
        repo.Run("checkout", "-q", "main");
        repo.Session("start", "--title", "a second session on main");
        repo.Repo.Commit("m.txt", "m\n");
        var mainSession = repo.CurrentSessionId();

        Assert.That(repo.Try("merge", "-q", "feature/a", "-m", "merge").ExitCode, Is.Not.Zero, "without the driver ai_sessions.json conflicts");
        Assert.That(File.ReadAllText(Path.Combine(repo.Root, ".sessions/ai_sessions.json")), Does.Contain("<<<<<<<"));
        repo.Run("add", "-A");
        repo.Run("commit", "-q", "--no-verify", "-m", "merge with markers");

        var refused = repo.Try("push", "origin", "main");
        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain("error SH1003"));

        var recover = repo.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["id"]), Is.SupersetOf(new[] { featureSession, mainSession }));
        var validate = repo.Session("validate");
        Assert.That(validate.ExitCode, Is.Zero, validate.Output);
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);
    }

    [Test]
    public void Push_NewBranchDeletionTagAndTwoRefs_AreEachDecided()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Run("checkout", "-q", "-b", "feature/new");
        repo.Repo.Commit("n.txt", "n\n");

        Assert.That(repo.Try("push", "-q", "origin", "feature/new").ExitCode, Is.Zero, "a new branch");
        Assert.That(repo.Try("push", "-q", "origin", "--delete", "feature/new").ExitCode, Is.Zero, "a deletion");
        repo.Run("tag", "v1");
        Assert.That(repo.Try("push", "-q", "origin", "v1").ExitCode, Is.Zero, "a tag");

        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");
        repo.Run("checkout", "-q", "-b", "feature/sneaky");
        repo.CommitWithoutHooks("s.txt", "s\n", "unlogged");
        var both = repo.Try("push", "origin", "main", "feature/sneaky");
        Assert.That(both.ExitCode, Is.Not.Zero, "one bad ref refuses the push");
        Assert.That(both.StandardError, Does.Contain("\"unlogged\" has no Session-Id trailer"));
        Assert.That(both.StandardError, Does.Not.Contain("\"change m.txt\""));
    }

    [Test]
    public void Push_OfCommitsForASessionEndedBeforeThem_IsRefused()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"status\": \"active\"", "\"status\": \"completed\"", StringComparison.Ordinal)
            .Replace("\"last_updated\": \"2", "\"last_updated\": \"1", StringComparison.Ordinal));
        repo.Run("add", ".sessions/ai_sessions.json");
        var session = repo.CurrentSessionId();
        GitRunnerCheck(repo.TryWith(new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, "commit", "-q", "-m", "close the session long ago", "-m", $"Session-Id: {session}"));

        var result = repo.Try("push", "origin", "main");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("error SH4003"));
    }

    [Test]
    public void Push_WithLoggedEntriesNotYetCommitted_IsRefused_AndRecoverRecordsThem()
    {
        var repo = HookedRepository.Create();
        repo.Session("log", "decision", "a decision the remote must get");

        var refused = repo.Try("push", "origin", "main");
        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain("error SH4005").And.Contain("1 logged entry").And.Contain("session recover"));

        var recover = repo.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(repo.TrailerOf(), Is.EqualTo(repo.CurrentSessionId()), "recover's commit names its session too");
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Does.Contain("a decision the remote must get"));
    }

    [Test]
    public void Push_WithHandEditedRecordsNotCommitted_IsRefused()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"sessions\": [", "\"sessions\": [\n", StringComparison.Ordinal));

        var result = repo.Try("push", "origin", "main");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("error SH4005"));
    }

    private static void GitRunnerCheck(SessionHooks.Testing.ProcessResult result) => SessionHooks.Testing.GitRunner.Check(result);
}
