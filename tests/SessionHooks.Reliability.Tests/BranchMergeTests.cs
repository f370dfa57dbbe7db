namespace SessionHooks.Reliability.Tests;

/// <summary>
/// Two branches that each start a session and log work come back together through plain git:
/// their worklog files are only ever added, so they never conflict, and ai_sessions.json is
/// merged by the merge driver.
/// </summary>
public class BranchMergeTests
{
    [Test]
    public void Merge_OfTwoBranchesThatEachLoggedWork_HasNoConflict_AndKeepsBothSessionsAndEveryEntry()
    {
        var repo = SessionRepository.Create();
        var (a, b) = TwoBranchesWithWork(repo);
        repo.Run("checkout", "-q", "main");

        var first = repo.Try("merge", "--no-ff", "-m", "Merge feature/a", "feature/a");
        var second = repo.Try("merge", "--no-ff", "-m", "Merge feature/b", "feature/b");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        AssertHolds(repo, a, b);
    }

    [Test]
    public void Rebase_OfOneBranchOntoTheOther_HasNoConflict_AndKeepsBothSessionsAndEveryEntry()
    {
        var repo = SessionRepository.Create();
        var (a, b) = TwoBranchesWithWork(repo);
        repo.Run("checkout", "-q", "feature/b");

        var rebase = repo.Try("rebase", "feature/a");

        Assert.That(rebase.ExitCode, Is.Zero, rebase.ToString());
        Assert.That(repo.Run("log", "--format=%s", "feature/a..HEAD"), Does.Contain("b chose the queue"));
        Assert.That(repo.TrailerOf("HEAD"), Is.EqualTo(b.Session), "a rebased commit keeps its session");
        AssertHolds(repo, a, b);
    }

    private static void AssertHolds(SessionRepository repo, BranchWork a, BranchWork b)
    {
        var sessions = repo.Sessions().Select(s => (string)s!["id"]!).ToList();
        Assert.That(sessions, Does.Contain(a.Session).And.Contain(b.Session));
        Assert.That(sessions, Is.Unique);
        Assert.That(repo.PendingEntries().Where(e => (string?)e["kind"] == "decision"), Is.Empty, "both decisions were recorded by commits");
        var recorded = repo.RecordedEntries().Select(e => (string)e["id"]!).ToList();
        Assert.That(recorded, Is.SupersetOf(a.Entries).And.SupersetOf(b.Entries));
        Assert.That(repo.RecordedEntries().Count(e => (string?)e["kind"] == "decision"), Is.EqualTo(2));
        foreach (var file in repo.WorklogFiles().Append("ai_sessions.json"))
        {
            Assert.That(File.ReadAllText(repo.PathOf(file)), Does.Not.Contain("<<<<<<<"), file);
        }

        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

    /// <summary>feature/a and feature/b from main, each with its own session, a commit and a decision recorded by a commit.</summary>
    private static (BranchWork A, BranchWork B) TwoBranchesWithWork(SessionRepository repo)
    {
        var a = Work(repo, "feature/a", "a chose the cache");
        repo.Run("checkout", "-q", "main");
        var b = Work(repo, "feature/b", "b chose the queue");
        return (a, b);
    }

    private static BranchWork Work(SessionRepository repo, string branch, string decision)
    {
        repo.Run("checkout", "-q", "-b", branch);
        repo.Repo.Commit(branch.Replace('/', '-') + ".txt", branch + "\n");
        var id = repo.CommitEntry("decision", decision);
        var session = repo.CurrentSessionId();
        Assert.That(repo.TrailerOf("HEAD"), Is.EqualTo(session));
        Assert.That(repo.RecordedEntries().Select(e => (string)e["id"]!), Does.Contain(id), "the commit recorded the decision");
        return new BranchWork(session, [.. repo.RecordedEntries().Select(e => (string)e["id"]!)]);
    }

    private sealed record BranchWork(string Session, HashSet<string> Entries);
}
