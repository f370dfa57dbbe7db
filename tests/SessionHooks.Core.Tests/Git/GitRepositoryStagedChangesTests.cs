using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryStagedChangesTests
{
    [Test]
    public void StagedChanges_AddsModificationsDeletionsRenamesAndTypeChanges_AsGitDiffCachedShowsThem()
    {
        var repo = TempRepository.Create();
        repo.Write("keep.txt", "keep\n").Write("change.txt", "one\n").Write("gone.txt", "gone\n").Write("link.txt", "plain\n");
        repo.Write("old/name.txt", string.Join('\n', Enumerable.Range(0, 40).Select(i => $"line {i}")) + "\n");
        repo.Run("add", ".");
        repo.CommitStaged("first");
        repo.Write("change.txt", "two\n").Write("added.txt", "new\n");
        repo.Run("rm", "--quiet", "gone.txt");
        Directory.CreateDirectory(repo.Path("new"));
        repo.Run("mv", "old/name.txt", "new/name.txt");
        File.Delete(repo.Path("link.txt"));
        File.CreateSymbolicLink(repo.Path("link.txt"), "keep.txt");
        repo.Run("add", "-A");

        using var git = repo.OpenClean();
        var changes = git.StagedChanges();

        Assert.That(changes, Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff", "--cached", "-M", "--name-status", "-z"))));
        Assert.That(changes, Is.EquivalentTo(new[]
        {
            new StagedChange("added.txt", ChangeKind.Added),
            new StagedChange("change.txt", ChangeKind.Modified),
            new StagedChange("gone.txt", ChangeKind.Deleted),
            new StagedChange("link.txt", ChangeKind.TypeChanged),
            new StagedChange("new/name.txt", ChangeKind.Renamed, "old/name.txt"),
        }));
    }

    [Test]
    public void StagedChanges_OnAnUnbornBranch_AreAgainstTheEmptyTree()
    {
        var repo = TempRepository.Create();
        repo.Write("a.txt", "a\n").Write("dir/b.txt", "b\n");
        repo.Run("add", ".");

        using var git = repo.OpenClean();

        Assert.That(git.StagedChanges(), Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff", "--cached", "-M", "--name-status", "-z"))));
        Assert.That(git.StagedChanges().Select(c => c.Change), Is.EqualTo(new[] { ChangeKind.Added, ChangeKind.Added }));
    }

    [Test]
    public void StagedChanges_IgnoreWhatIsOnlyInTheWorktree()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Write("a.txt", "changed but not staged\n").Write("untracked.txt", "u\n");

        using var git = repo.OpenClean();

        Assert.That(repo.Run("diff", "--cached", "--name-status"), Is.Empty);
        Assert.That(git.StagedChanges(), Is.Empty);
    }

    [Test]
    public void StagedChanges_WithHostilePathNames_ComeBackExactly()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        string[] names = ["it's \"quoted\".txt", "$(touch pwned).txt", "a;b&c.txt", "with space/ünïcødé 文件.txt", "tab\there.txt"];
        foreach (var name in names)
        {
            repo.Write(name, name + "\n");
        }

        repo.Run(["add", "--", .. names]);

        using var git = repo.OpenClean();

        Assert.That(git.StagedChanges(), Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff", "--cached", "-M", "--name-status", "-z"))));
        Assert.That(git.StagedChanges().Select(c => c.Path), Is.EquivalentTo(names));
        Assert.That(File.Exists(repo.Path("pwned")), Is.False);
    }

    [Test]
    public void StagedChanges_WithATemporaryIndex_AreThoseOfThatIndexNotTheRepositorysOwn()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Write("x.txt", "x\n").Write("y.txt", "y\n");
        repo.Run("add", "y.txt");
        var temporary = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = "tmp" };
        repo.RunWith(temporary, "read-tree", "HEAD");
        repo.RunWith(temporary, "add", "x.txt");

        using var git = repo.OpenClean(indexPath: repo.Path("tmp"));
        using var own = repo.OpenClean();

        Assert.That(git.StagedChanges(), Is.EqualTo(GitAnswers.NameStatus(repo.RunWith(temporary, "diff", "--cached", "-M", "--name-status", "-z"))));
        Assert.That(git.StagedChanges(), Is.EqualTo(new[] { new StagedChange("x.txt", ChangeKind.Added) }));
        Assert.That(own.StagedChanges(), Is.EqualTo(new[] { new StagedChange("y.txt", ChangeKind.Added) }));
    }

    [Test]
    public void StagedChangesAgainst_HeadsParent_IsWhatAnAmendCommits()
    {
        var repo = TempRepository.Create();
        var parent = repo.CommitAt("a.txt", "a\n");
        repo.CommitAt("b.txt", "b\n");
        repo.Write("c.txt", "c\n").Run("add", "c.txt");

        using var git = repo.OpenClean();
        var changes = git.StagedChangesAgainst(parent);

        Assert.That(changes, Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff", "--cached", "-M", "--name-status", "-z", "HEAD~1"))));
        Assert.That(changes.Select(c => c.Path), Is.EqualTo(new[] { "b.txt", "c.txt" }));
        Assert.That(git.StagedChangesAgainst(null).Select(c => c.Path), Is.EqualTo(new[] { "a.txt", "b.txt", "c.txt" }));
    }

    [Test]
    public void StagedChanges_ForAMergeBeingConcluded_AreAgainstTheFirstParent()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Run("checkout", "--quiet", "-b", "side");
        repo.CommitAt("side.txt", "s\n");
        repo.Run("checkout", "--quiet", "main");
        repo.CommitAt("main.txt", "m\n");
        repo.Run("merge", "--no-commit", "--no-ff", "side");

        using var git = repo.OpenClean();

        Assert.That(git.StagedChanges(), Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff", "--cached", "-M", "--name-status", "-z"))));
        Assert.That(git.StagedChanges(), Is.EqualTo(new[] { new StagedChange("side.txt", ChangeKind.Added) }));
    }

    [Test]
    public void StagedChanges_AreTheSame_WhateverDiffSettingsTheUserHas()
    {
        var repo = TempRepository.Create();
        repo.Write("old.txt", string.Join('\n', Enumerable.Range(0, 40).Select(i => $"line {i}")) + "\n");
        repo.Run("add", ".");
        repo.CommitStaged("first");
        repo.Run("mv", "old.txt", "new.txt");
        repo.Run("config", "diff.renames", "false");
        repo.Run("config", "diff.relative", "true");
        repo.Run("config", "diff.noprefix", "true");
        repo.Run("config", "core.quotePath", "true");

        using var git = repo.OpenClean();

        Assert.That(git.StagedChanges(), Is.EqualTo(new[] { new StagedChange("new.txt", ChangeKind.Renamed, "old.txt") }));
    }

    [TestCase("HEAD~1", TestName = "StagedChangesAgainst_ANameThatIsNotAFullCommitId_IsRevisionNotFound")]
    [TestCase("--output=/tmp/x", TestName = "StagedChangesAgainst_AnOptionInPlaceOfACommit_IsRevisionNotFound_AndNeverReachesGit")]
    [TestCase("1234567890123456789012345678901234567890", TestName = "StagedChangesAgainst_ACommitNotInTheRepository_IsRevisionNotFound")]
    public void StagedChangesAgainst_WhatIsNotACommitOfTheRepository_IsRevisionNotFound(string commit)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");

        using var git = repo.OpenClean();
        var exception = Assert.Throws<SessionHooksException>(() => git.StagedChangesAgainst(commit));

        Assert.That(exception!.Diagnostic.Code, Is.EqualTo(DiagnosticCatalog.RevisionNotFound.Code));
    }
}
