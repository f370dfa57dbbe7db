namespace SessionHooks.Reliability.Tests;

/// <summary>Two branches that each start a session and log work come back together through plain git, by the merge driver.</summary>
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
        AssertHolds(repo, a, b);
    }

    private static void AssertHolds(SessionRepository repo, BranchWork a, BranchWork b)
    {
        var sessions = repo.Sessions().Select(s => (string)s!["id"]!).ToList();
        Assert.That(sessions, Does.Contain(a.Session).And.Contain(b.Session));
        Assert.That(sessions, Is.Unique);
        Assert.That(repo.EntryIds(), Is.SupersetOf(a.Entries).And.SupersetOf(b.Entries));
        Assert.That(repo.Entries().Count(e => (string?)e!["kind"] == "decision"), Is.EqualTo(2));
        foreach (var file in new[] { "ai_sessions.json", "worklog.json" })
        {
            Assert.That(File.ReadAllText(repo.PathOf(file)), Does.Not.Contain("<<<<<<<"), file);
        }

        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

    /// <summary>feature/a and feature/b from main, each with its own session, a commit and a decision logged.</summary>
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
        repo.CommitEntry("decision", decision);
        return new BranchWork(repo.CurrentSessionId(), repo.EntryIds());
    }

    private sealed record BranchWork(string Session, HashSet<string> Entries);
}
