using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryOperationTests
{
    [Test]
    public void Operation_WithNothingStopped_IsNone()
    {
        var repo = Diverged(out _);

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.None));
        Assert.That(git.MergeHead, Is.Null);
        Assert.That(OperationGitStatusShows(repo), Is.EqualTo(InProgressOperation.None));
    }

    [Test]
    public void Operation_DuringAConflictingMerge_IsMergeWithGitsMergeHead()
    {
        var repo = Diverged(out var other);
        Assert.That(repo.Try("merge", "--no-edit", "other").ExitCode, Is.Not.Zero, "the merge stops on its conflict");

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.Merge));
        Assert.That(git.MergeHead, Is.EqualTo(repo.Run("rev-parse", "MERGE_HEAD").Trim()).And.EqualTo(other));
    }

    [Test]
    public void Operation_DuringAConflictingRebase_IsRebase()
    {
        var repo = Diverged(out _);
        Assert.That(repo.Try("rebase", "other").ExitCode, Is.Not.Zero, "the rebase stops on its conflict");

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.Rebase));
        Assert.That(git.Head.IsDetached, Is.True);
    }

    [Test]
    public void Operation_DuringAnInteractiveRebaseStoppedToEdit_IsRebase()
    {
        var repo = Diverged(out _);
        repo.CommitAt("b.txt", "b\n");
        var environment = new Dictionary<string, string?> { ["GIT_SEQUENCE_EDITOR"] = "sed -i 1s/^pick/edit/" };
        repo.RunWith(environment, "rebase", "-i", "HEAD~1");

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.Rebase));
    }

    [Test]
    public void Operation_DuringAConflictingCherryPick_IsCherryPick()
    {
        var repo = Diverged(out var other);
        Assert.That(repo.Try("cherry-pick", other).ExitCode, Is.Not.Zero);

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.CherryPick));
        Assert.That(git.MergeHead, Is.Null);
    }

    [Test]
    public void Operation_DuringAConflictingRevert_IsRevert()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "1\n");
        var middle = repo.CommitAt("a.txt", "2\n");
        repo.CommitAt("a.txt", "3\n");
        Assert.That(repo.Try("revert", "--no-edit", middle).ExitCode, Is.Not.Zero);

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.Revert));
    }

    [Test]
    public void Operation_DuringBisect_IsBisect()
    {
        var repo = TempRepository.Create();
        var good = repo.CommitAt("a.txt", "1\n");
        repo.CommitAt("a.txt", "2\n");
        repo.CommitAt("a.txt", "3\n");
        repo.Run("bisect", "start", "HEAD", good);

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.Bisect));
        Assert.That(git.Head.IsDetached, Is.True);
    }

    [Test]
    public void Operation_DuringAConflictingAm_IsApplyMailboxNotRebase()
    {
        var repo = Diverged(out var other);
        var patch = repo.Run("format-patch", "--stdout", "-1", other);
        Assert.That(repo.Git.TryWith(repo.Root, null, patch, "am").ExitCode, Is.Not.Zero);

        using var git = repo.OpenClean();

        Assert.That(git.Operation, Is.EqualTo(OperationGitStatusShows(repo)));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.ApplyMailbox));
    }

    [Test]
    public void Operation_WhenAMergesConflictsAreResolved_IsStillMerge()
    {
        var repo = Diverged(out var other);
        repo.Try("merge", "--no-edit", "other");
        repo.Write("a.txt", "both\n").Run("add", "a.txt");

        using var git = repo.OpenClean();

        Assert.That(repo.Run("status"), Does.Contain("All conflicts fixed but you are still merging."));
        Assert.That(git.Operation, Is.EqualTo(InProgressOperation.Merge));
        Assert.That(git.MergeHead, Is.EqualTo(other));
    }

    [Test]
    public void Operation_InALinkedWorktree_IsThatWorktreesOwn()
    {
        var repo = Diverged(out var other);
        var worktree = Path.Combine(Path.GetDirectoryName(repo.Root)!, "wt");
        repo.Run("worktree", "add", "--quiet", "--detach", worktree, "main");
        Assert.That(repo.Git.Try(worktree, "merge", "--no-edit", other).ExitCode, Is.Not.Zero);

        using var main = repo.OpenClean();
        using var linked = GitRepository.Open(worktree, GitEnvironment.None);

        Assert.That(main.Operation, Is.EqualTo(InProgressOperation.None));
        Assert.That(linked.Operation, Is.EqualTo(InProgressOperation.Merge));
        Assert.That(linked.MergeHead, Is.EqualTo(other));
    }

    /// <summary>main and other both change the same line of a.txt since their common commit.</summary>
    private static TempRepository Diverged(out string other)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "base\n");
        repo.Run("branch", "other");
        repo.CommitAt("a.txt", "main\n");
        repo.Run("checkout", "--quiet", "other");
        other = repo.CommitAt("a.txt", "other\n");
        repo.Run("checkout", "--quiet", "main");
        return repo;
    }

    /// <summary>The operation <c>git status</c> describes, in its own words.</summary>
    private static InProgressOperation OperationGitStatusShows(TempRepository repo)
    {
        var status = repo.Run("status");
        return status switch
        {
            _ when status.Contains("while rebasing", StringComparison.Ordinal) || status.Contains("currently rebasing", StringComparison.Ordinal) => InProgressOperation.Rebase,
            _ when status.Contains("You have unmerged paths.", StringComparison.Ordinal) || status.Contains("still merging", StringComparison.Ordinal) => InProgressOperation.Merge,
            _ when status.Contains("currently cherry-picking", StringComparison.Ordinal) => InProgressOperation.CherryPick,
            _ when status.Contains("currently reverting", StringComparison.Ordinal) => InProgressOperation.Revert,
            _ when status.Contains("currently bisecting", StringComparison.Ordinal) => InProgressOperation.Bisect,
            _ when status.Contains("am session", StringComparison.Ordinal) => InProgressOperation.ApplyMailbox,
            _ => InProgressOperation.None,
        };
    }
}
