using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryPushTests
{
    private const string ZeroSha1 = "0000000000000000000000000000000000000000";
    private const string ZeroSha256 = "0000000000000000000000000000000000000000000000000000000000000000";

    [Test]
    public void CommitsToPush_ForABranchUpdate_AreThoseGitRevListFindsNewestFirst()
    {
        var (repo, pushed) = PushedThenWorkedOn();

        using var git = repo.OpenClean();
        var commits = git.CommitsToPush(repo.Head(), "origin", pushed);

        Assert.That(commits.Select(c => c.Id), Is.EqualTo(RevList(repo, repo.Head(), "^" + pushed, "--not", "--remotes=origin")));
        Assert.That(commits, Has.Count.EqualTo(4));
        Assert.That(commits.Count(c => c.IsMerge), Is.EqualTo(1));
    }

    [Test]
    public void CommitsToPush_AfterACommitFromAMachineWhoseClockRanAhead_StillListChildrenFirst()
    {
        var (repo, pushed) = PushedThenWorkedOn();
        GitRunner.Check(repo.Git.TryWith(repo.Root, GitAnswers.Dates("@2000000000 +0000"), null, "commit", "--quiet", "--allow-empty", "-m", "from the future"));
        repo.CommitAt("a.txt", "5\n");

        using var git = repo.OpenClean();

        Assert.That(git.CommitsToPush(repo.Head(), "origin", pushed).Select(c => c.Id), Is.EqualTo(RevList(repo, repo.Head(), "^" + pushed)));
    }

    [TestCase(ZeroSha1)]
    [TestCase(ZeroSha256)]
    [TestCase(null)]
    public void CommitsToPush_ForANewBranch_LeaveOutWhatTheRemoteAlreadyHas(string? zero)
    {
        var (repo, _) = PushedThenWorkedOn();
        repo.Run("checkout", "--quiet", "-b", "brand-new");
        repo.CommitAt("n.txt", "n\n");

        using var git = repo.OpenClean();
        var commits = git.CommitsToPush(repo.Head(), "origin", zero);

        Assert.That(commits.Select(c => c.Id), Is.EqualTo(RevList(repo, repo.Head(), "--not", "--remotes=origin")));
        Assert.That(commits, Has.Count.EqualTo(5));
    }

    [Test]
    public void CommitsToPush_ToARemoteWithNoTrackingRefs_AreTheWholeHistory()
    {
        var (repo, _) = PushedThenWorkedOn();
        repo.AddBareRemote("mirror");

        using var git = repo.OpenClean();

        Assert.That(git.CommitsToPush(repo.Head(), "mirror", ZeroSha1).Select(c => c.Id), Is.EqualTo(RevList(repo, repo.Head())));
    }

    [Test]
    public void CommitsToPush_WhenTheRemoteTipIsUnknownHere_LeavesOutOnlyTrackedCommits()
    {
        var (repo, _) = PushedThenWorkedOn();

        using var git = repo.OpenClean();
        var commits = git.CommitsToPush(repo.Head(), "origin", "1234567890123456789012345678901234567890");

        Assert.That(commits.Select(c => c.Id), Is.EqualTo(RevList(repo, repo.Head(), "--not", "--remotes=origin")));
    }

    [Test]
    public void CommitsToPush_ForADelete_IsEmpty_AndForAnUnknownLocalCommit_SaysSo()
    {
        var (repo, pushed) = PushedThenWorkedOn();

        using var git = repo.OpenClean();

        Assert.That(git.CommitsToPush(ZeroSha1, "origin", pushed), Is.Empty);
        var exception = Assert.Throws<SessionHooksException>(() => git.CommitsToPush("1234567890123456789012345678901234567890", "origin", pushed));
        Assert.That(exception!.Diagnostic.Code, Is.EqualTo(DiagnosticCatalog.RevisionNotFound.Code));
    }

    [Test]
    public void CommitsToPush_ReadEachCommitAsLibGit2AndGitLogDo()
    {
        var (repo, pushed) = PushedThenWorkedOn();
        GitRunner.Check(repo.Git.TryWith(
            repo.Root,
            new Dictionary<string, string?>(GitAnswers.NextDates("-0530")) { ["GIT_AUTHOR_NAME"] = "Zoë O'Brien; $(x)", ["GIT_AUTHOR_EMAIL"] = "zoë@example.org" },
            null,
            "commit", "--quiet", "--allow-empty", "-m", "wrapped\nsubject ü\n\nbody"));

        using var git = repo.OpenClean();
        var commits = git.CommitsToPush(repo.Head(), "origin", pushed);

        Assert.That(commits, Has.Count.EqualTo(5));
        foreach (var commit in commits)
        {
            var fields = repo.Run("log", "-1", "--format=%s%x00%aI", commit.Id).TrimEnd('\n').Split('\0');
            Assert.That(commit, Is.EqualTo(git.FindCommit(commit.Id)).Using<CommitInfo>(SameCommit), commit.Id);
            Assert.That(commit.Subject, Is.EqualTo(fields[0]));
            Assert.That(commit.AuthorTime.Offset, Is.EqualTo(DateTimeOffset.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture).Offset));
        }

        Assert.That(commits[0].Subject, Is.EqualTo("wrapped subject ü"));
        Assert.That(commits[0].AuthorName, Is.EqualTo("Zoë O'Brien; $(x)"));
    }

    [TestCase("-all")]
    [TestCase("")]
    [TestCase("1234567")]
    public void CommitsToPush_OfANameGitWouldTakeAsAnOption_OrOfNothing_SaysItIsNotACommit(string local)
    {
        var (repo, pushed) = PushedThenWorkedOn();

        using var git = repo.OpenClean();

        var exception = Assert.Throws<SessionHooksException>(() => git.CommitsToPush(local, "origin", pushed));
        Assert.That(exception!.Diagnostic.Code, Is.EqualTo(DiagnosticCatalog.RevisionNotFound.Code));
    }

    [Test]
    public void CommitsToPush_OfABranchTheRemoteAlreadyHas_IsEmpty()
    {
        var (repo, pushed) = PushedThenWorkedOn();

        using var git = repo.OpenClean();

        Assert.That(git.CommitsToPush(pushed, "origin", ZeroSha1), Is.Empty);
    }

    [Test]
    public void WhatAPushAsks_IsAnsweredAsGitAnswersIt()
    {
        var (repo, pushed) = PushedThenWorkedOn();
        repo.CommitAt(".sessions/worklog.json", "{}\n");
        repo.Write("a.txt", "changed\n");

        using var git = repo.OpenClean();
        var commits = git.CommitsToPush(repo.Head(), "origin", pushed);
        Assert.That(git.ReadFileAtCommit(commits[0].Id, ".sessions/worklog.json"), Is.EqualTo("{}\n"));
        Assert.That(git.BlobIdAtCommit(commits[0].Parents[0], ".sessions/worklog.json"), Is.Null);
        Assert.That(git.PathsChangedSinceHead(["a.txt", ".sessions/worklog.json"]), Is.EqualTo(new[] { "a.txt" }));

    }

    private static bool SameCommit(CommitInfo a, CommitInfo b) =>
        a.Id == b.Id && a.Parents.SequenceEqual(b.Parents) && a.Subject == b.Subject && a.AuthorName == b.AuthorName
        && a.AuthorEmail == b.AuthorEmail && a.AuthorTime == b.AuthorTime && a.AuthorTime.Offset == b.AuthorTime.Offset && a.CommitTime == b.CommitTime;

    [TestCase("0000000000000000000000000000000000000000", true)]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", true)]
    [TestCase("000000000000000000000000000000000000000", false)]
    [TestCase("0000000000000000000000000000000000000001", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void ObjectIds_IsZero_OnlyForGitsAllZeroNames(string? oid, bool zero) =>
        Assert.That(ObjectIds.IsZero(oid), Is.EqualTo(zero));

    /// <summary>main pushed to origin, then three commits and a merge of a side branch on top.</summary>
    private static (TempRepository Repo, string Pushed) PushedThenWorkedOn()
    {
        var repo = TempRepository.Create();
        repo.AddBareRemote();
        repo.CommitAt("a.txt", "1\n");
        var pushed = repo.CommitAt("a.txt", "2\n");
        repo.Run("push", "--quiet", "origin", "main");
        repo.Run("checkout", "--quiet", "-b", "side");
        repo.CommitAt("s.txt", "1\n");
        repo.Run("checkout", "--quiet", "main");
        repo.CommitAt("a.txt", "3\n");
        GitRunner.Check(repo.Git.TryWith(repo.Root, GitAnswers.NextDates(), null, "merge", "--quiet", "--no-edit", "side"));
        repo.CommitAt("a.txt", "4\n");
        return (repo, pushed);
    }

    private static List<string> RevList(TempRepository repo, params string[] arguments) =>
        GitAnswers.Lines(repo.Run(["rev-list", .. arguments]));
}
