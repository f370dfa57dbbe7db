using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryHeadTests
{
    [TestCase("main")]
    [TestCase("feature/a")]
    [TestCase("it's-\"quoted\"")]
    [TestCase("$(touch${IFS}pwned)")]
    [TestCase("a;b&&c|d`id`")]
    [TestCase("ünïcødé/分支")]
    public void Head_OnABranch_NamesItAsGitSymbolicRefDoes(string branch)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Run("checkout", "--quiet", "-B", branch);

        using var git = repo.OpenClean();
        var head = git.Head;

        Assert.That(head.Branch, Is.EqualTo(repo.Run("symbolic-ref", "--short", "HEAD").TrimEnd('\n')));
        Assert.That(head.Branch, Is.EqualTo(branch));
        Assert.That(head.CommitId, Is.EqualTo(repo.Head()));
        Assert.That(head.IsDetached, Is.False);
        Assert.That(head.IsUnborn, Is.False);
        Assert.That(File.Exists(repo.Path("pwned")), Is.False);
    }

    [Test]
    public void Head_OfAPackedBranch_IsTheCommitGitShows()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Run("checkout", "--quiet", "-b", "feature/packed");
        repo.Run("pack-refs", "--all");
        Assert.That(File.Exists(repo.Path(".git/refs/heads/feature/packed")), Is.False, "git: only in packed-refs");

        using var git = repo.OpenClean();

        Assert.That(git.Head, Is.EqualTo(new HeadInfo("feature/packed", repo.Head(), IsDetached: false, IsUnborn: false)));
    }

    [Test]
    public void Head_ThroughASymbolicBranch_IsTheCommitGitShows()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Run("symbolic-ref", "refs/heads/alias", "refs/heads/main");
        repo.Run("symbolic-ref", "HEAD", "refs/heads/alias");

        using var git = repo.OpenClean();

        Assert.That(git.Head, Is.EqualTo(new HeadInfo("alias", repo.Run("rev-parse", "HEAD").Trim(), IsDetached: false, IsUnborn: false)));
    }

    [Test]
    public void Head_WhenDetached_HasNoBranchAndTheCommitGitShows()
    {
        var repo = TempRepository.Create();
        var first = repo.CommitAt("a.txt", "a\n");
        repo.CommitAt("a.txt", "b\n");
        repo.Run("checkout", "--quiet", "--detach", first);

        using var git = repo.OpenClean();
        var head = git.Head;

        Assert.That(repo.Run("rev-parse", "--abbrev-ref", "HEAD").Trim(), Is.EqualTo("HEAD"), "git: detached");
        Assert.That(repo.Try("symbolic-ref", "-q", "HEAD").ExitCode, Is.EqualTo(1), "git: not a symbolic ref");
        Assert.That(head, Is.EqualTo(new HeadInfo(null, repo.Head(), IsDetached: true, IsUnborn: false)));
    }

    [Test]
    public void Head_InAFreshRepository_IsTheUnbornDefaultBranch()
    {
        var repo = TempRepository.Create();

        using var git = repo.OpenClean();

        Assert.That(repo.Try("rev-parse", "--verify", "-q", "HEAD").ExitCode, Is.Not.Zero, "git: no commit yet");
        Assert.That(git.Head, Is.EqualTo(new HeadInfo(repo.Run("symbolic-ref", "--short", "HEAD").Trim(), null, IsDetached: false, IsUnborn: true)));
        Assert.That(git.Head.Branch, Is.EqualTo("main"));
    }

    [Test]
    public void Head_OnAnOrphanBranch_IsUnbornUnderItsNewName()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Run("checkout", "--quiet", "--orphan", "fresh-start/ü");

        using var git = repo.OpenClean();

        Assert.That(repo.Try("rev-parse", "--verify", "-q", "HEAD").ExitCode, Is.Not.Zero, "git: no commit yet");
        Assert.That(git.Head, Is.EqualTo(new HeadInfo("fresh-start/ü", null, IsDetached: false, IsUnborn: true)));
        Assert.That(git.Log("HEAD", 10), Is.Empty);
        Assert.That(git.StagedChanges().Select(c => (c.Path, c.Change)), Is.EqualTo(new[] { ("a.txt", SessionHooks.Records.ChangeKind.Added) }));
    }

    [Test]
    public void Head_InEachWorktree_IsThatWorktreesOwn()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        var worktree = Path.Combine(Path.GetDirectoryName(repo.Root)!, "wt");
        repo.Run("worktree", "add", "--quiet", "--detach", worktree);
        var other = repo.CommitAt("a.txt", "b\n");

        using var main = repo.OpenClean();
        using var linked = GitRepository.Open(worktree, GitEnvironment.None);

        Assert.That(main.Head, Is.EqualTo(new HeadInfo("main", other, false, false)));
        Assert.That(linked.Head.IsDetached, Is.True);
        Assert.That(linked.Head.CommitId, Is.EqualTo(repo.Git.Run(worktree, "rev-parse", "HEAD").Trim()));
        Assert.That(linked.Head.CommitId, Is.Not.EqualTo(other));
    }
}
