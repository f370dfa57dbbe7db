namespace SessionHooks.Hooks.Tests;

public class PreCommitTests
{
    [Test]
    public void BranchesFirstCommit_NamesItsSessionInATrailer_AndRegistersTheSession()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        var session = repo.CurrentSessionId();
        repo.Repo.Write("src/a.cs", "class A {}\n").Write("notes.txt", "not staged\n");
        repo.Run("add", "src/a.cs");

        repo.Run("commit", "-q", "-m", "add A");

        Assert.That(repo.TrailerOf(), Is.EqualTo(session));
        Assert.That(repo.Run("log", "-1", "--format=%B").TrimEnd(), Is.EqualTo($"add A\n\nSession-Id: {session}"));
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["id"]), Does.Contain(session));
        Assert.That(repo.CommittedFiles(), Is.EquivalentTo(new[] { ".sessions/ai_sessions.json", "src/a.cs" }));
        Assert.That(repo.TrackedChanges(), Is.Empty);
        Assert.That(repo.Run("status", "--porcelain"), Does.Contain("?? notes.txt"), "unstaged files stay unstaged");
    }

    [Test]
    public void Commit_WithNothingPending_CommitsOnlyWhatTheUserStaged()
    {
        var repo = HookedRepository.Create();
        var session = repo.CurrentSessionId();

        repo.Repo.Commit("a.txt", "a\n", "add a");

        Assert.That(repo.CommittedFiles(), Is.EqualTo(new[] { "a.txt" }));
        Assert.That(repo.TrailerOf(), Is.EqualTo(session));
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void LoggedEntries_WaitInThePendingArea_AndTheNextCommitRecordsThemInAWorklogFileOfItsOwn()
    {
        var repo = HookedRepository.Create();
        var session = repo.CurrentSessionId();
        var logged = repo.Session("log", "decision", "Entries are a set keyed by id");
        Assert.That(logged.ExitCode, Is.Zero, logged.ToString());
        Assert.That(repo.Run("status", "--porcelain"), Is.Empty, "logging touches no file git sees");

        repo.Repo.Commit("a.txt", "a\n", "add a");

        var added = repo.WorklogFilesAddedBy();
        Assert.That(added, Has.Length.EqualTo(1));
        Assert.That(added[0], Does.StartWith($".sessions/worklog/{session}/"));
        var entry = repo.WorklogEntries().Single();
        Assert.That((string?)entry["kind"], Is.EqualTo("decision"));
        Assert.That((string?)entry["text"], Is.EqualTo("Entries are a set keyed by id"));
        Assert.That(repo.PendingEntries(), Is.Empty);
        Assert.That(repo.TrackedChanges(), Is.Empty);

        repo.Repo.Commit("b.txt", "b\n", "add b");
        Assert.That(repo.WorklogFilesAddedBy(), Is.Empty, "what was recorded is recorded once");
    }

    [TestCase("-a")]
    [TestCase("path")]
    [TestCase("--only")]
    public void CommitVariants_EachRecordThePendingEntriesOnce_AndLeaveIndexAndWorktreeAsTheCommit(string variant)
    {
        var repo = HookedRepository.Create(variant.Trim('-'));
        repo.Repo.Write("x.txt", "x\n").Write("y.txt", "y\n");
        repo.Run("add", "x.txt", "y.txt");
        repo.Run("commit", "-q", "-m", "x and y");
        repo.Repo.Write("x.txt", "x2\n").Write("y.txt", "y2\n");
        if (variant != "-a")
        {
            repo.Run("add", "y.txt");
        }

        repo.Session("log", "note", $"noted before a commit {variant}");
        string[] arguments = variant switch
        {
            "-a" => ["commit", "-q", "-a", "-m", "all"],
            "path" => ["commit", "-q", "-m", "path", "x.txt"],
            _ => ["commit", "-q", "--only", "-m", "only", "x.txt"],
        };
        repo.Run(arguments);

        var expected = variant == "-a" ? new[] { "x.txt", "y.txt" } : ["x.txt"];
        var committed = repo.CommittedFiles();
        Assert.That(committed.Where(f => !f.StartsWith(".sessions/", StringComparison.Ordinal)), Is.EquivalentTo(expected));
        Assert.That(repo.WorklogFilesAddedBy(), Has.Length.EqualTo(1));
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Is.EqualTo(new[] { $"noted before a commit {variant}" }));
        Assert.That(repo.PendingEntries(), Is.Empty);
        Assert.That(repo.Run("diff", "--cached", "--name-only", "HEAD", "--", ".sessions").Trim(), Is.Empty, "the real index matches the commit");
        Assert.That(repo.Run("diff", "--name-only", "--", ".sessions").Trim(), Is.Empty, "the working tree matches the commit");
        if (variant != "-a")
        {
            Assert.That(repo.Run("diff", "--cached", "--name-only").Trim(), Is.EqualTo("y.txt"), "what the user staged and did not commit stays staged");
        }
    }

    [Test]
    public void Amend_KeepsTheTrailer_RecordsWhatIsPending_AndLinksTheReplacedCommit()
    {
        var repo = HookedRepository.Create();
        var session = repo.CurrentSessionId();
        var first = repo.Repo.Commit("a.txt", "a\n", "add a");
        repo.Session("log", "insight", "amend keeps the session");
        repo.Repo.Write("b.txt", "b\n");
        repo.Run("add", "b.txt");

        repo.Run("commit", "-q", "--amend", "-m", "add a and b");

        Assert.That(repo.TrailerOf(), Is.EqualTo(session));
        Assert.That(repo.Run("log", "-1", "--format=%B").Split("Session-Id:").Length - 1, Is.EqualTo(1), "one trailer");
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Is.EqualTo(new[] { "amend keeps the session" }));
        var replaced = repo.PendingEntries().Single();
        Assert.That((string?)replaced["commit"], Is.EqualTo(first));
        Assert.That((string?)replaced["replaced_by"], Is.EqualTo(repo.Repo.Head()));
        Assert.That((string?)replaced["text"], Is.EqualTo("add a"));
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void BrokenAiSessions_StagedByHand_IsRefusedWithLocatedErrors()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        var broken = File.ReadAllText(path).Replace("\"status\": \"active\"", "\"status\": \"finished\"", StringComparison.Ordinal);
        File.WriteAllText(path, broken);
        repo.Run("add", ".sessions/ai_sessions.json");

        var result = repo.Try("commit", "-q", "-m", "hand edit");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Match(@"\.sessions/ai_sessions\.json\(\d+,\d+\): error SH2\d{3}: "));
        Assert.That(result.StandardError, Does.Not.Contain("   at "));
        Assert.That(File.ReadAllText(path), Is.EqualTo(broken), "nothing the user wrote is lost");
    }

    [Test]
    public void AutomaticMerge_OfTwoBranchesThatEachLogged_HasNoConflict_AndKeepsEveryEntry()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Session("log", "decision", "decided on feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("checkout", "-q", "main");
        repo.Session("log", "decision", "decided on main");
        repo.Repo.Commit("m.txt", "m\n");

        var merge = repo.Try("merge", "--no-ff", "-q", "-m", "merge feature/a", "feature/a");

        Assert.That(merge.ExitCode, Is.Zero, merge.ToString());
        Assert.That(repo.Run("log", "-1", "--format=%s").Trim(), Is.EqualTo("merge feature/a"), "the Session-Id line is a trailer, not part of the subject");
        Assert.That(repo.Run("log", "-1", "--format=%(trailers:key=Session-Id,valueonly)").Trim(), Is.EqualTo(repo.CurrentSessionId()));
        Assert.That(repo.TrackedChanges(), Is.Empty);
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Is.EquivalentTo(new[] { "decided on feature/a", "decided on main" }));
        Assert.That(repo.Sessions()["sessions"]!.AsArray(), Has.Count.EqualTo(2), "both branches' sessions");
        var validate = repo.Session("validate");
        Assert.That(validate.ExitCode, Is.Zero, validate.Output);
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);
    }

    [Test]
    public void MergeConcludedByCommit_NamesItsSession_AndRecordsWhatIsPending()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("c.txt", "feature\n");
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("c.txt", "main\n");
        Assert.That(repo.Try("merge", "-q", "feature/a").ExitCode, Is.Not.Zero, "c.txt conflicts");
        repo.Session("log", "problem", "c.txt conflicted");
        repo.Repo.Write("c.txt", "both\n");
        repo.Run("add", "c.txt");

        repo.Run("commit", "-q", "--no-edit");

        Assert.That(repo.Run("rev-list", "--parents", "-1", "HEAD").Split(' '), Has.Length.EqualTo(3), "a merge commit");
        Assert.That(repo.TrailerOf(), Is.EqualTo(repo.CurrentSessionId()));
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Does.Contain("c.txt conflicted"));
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }
}
