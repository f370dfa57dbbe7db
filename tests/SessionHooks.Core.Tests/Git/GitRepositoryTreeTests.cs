using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryTreeTests
{
    [Test]
    public void ChangesBetween_AreWhatGitDiffTreeListsUnderTheFolder()
    {
        var repo = TempRepository.Create();
        repo.Write(".sessions/same/a.json", "{}\n").Write(".sessions/edited/b.json", "{}\n").Write(".sessions/gone/c.json", "{}\n")
            .Write(".sessions/file-then-folder", "x\n").Write(".sessions/link", "target\n").Write("outside.txt", "o\n");
        repo.Run("add", ".");
        var from = repo.CommitStaged("first");
        repo.Write(".sessions/edited/b.json", "{ \"b\": 1 }\n").Write(".sessions/new/d.json", "{}\n").Write("outside.txt", "changed\n");
        File.Delete(repo.Path(".sessions/file-then-folder"));
        repo.Write(".sessions/file-then-folder/inner.json", "{}\n");
        File.Delete(repo.Path(".sessions/link"));
        File.CreateSymbolicLink(repo.Path(".sessions/link"), "same/a.json");
        repo.Run("rm", "-r", "--quiet", ".sessions/gone");
        repo.Run("add", "-A");
        var to = repo.CommitStaged("second");

        using var git = repo.OpenClean();
        var changes = git.ChangesBetween(from, to, ".sessions");

        Assert.That(changes, Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff-tree", "-r", "--no-renames", "--name-status", "-z", from, to, "--", ".sessions"))));
        Assert.That(changes.Select(c => c.Path), Does.Not.Contain("outside.txt"));
        Assert.That(git.ChangesBetween(null, from, ".sessions"), Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff-tree", "-r", "--root", "--no-commit-id", "--no-renames", "--name-status", "-z", from, "--", ".sessions"))));
        Assert.That(git.ChangesBetween(to, to, ".sessions"), Is.Empty);
    }

    [Test]
    public void ChangesBetween_InAFolderOf600Entries_AreWhatGitDiffTreeLists()
    {
        var repo = TempRepository.Create();
        for (var i = 0; i < 600; i++)
        {
            repo.Write($".sessions/worklog/s{i:000}/a.json", "{}\n");
        }

        repo.Write(".sessions/worklog/s001/b.json", "{}\n").Write(".sessions/worklog/s002/file-then-folder", "x\n").Write(".sessions/worklog/s003/run.sh", "x\n");
        repo.Run("add", ".");
        var from = repo.CommitStaged("first");
        repo.Write(".sessions/worklog/s001/b.json", "{ \"b\": 1 }\n").Write(".sessions/worklog/s700/new.json", "{}\n");
        File.Delete(repo.Path(".sessions/worklog/s002/file-then-folder"));
        repo.Write(".sessions/worklog/s002/file-then-folder/inner.json", "{}\n");
        File.Delete(repo.Path(".sessions/worklog/s004/a.json"));
        File.CreateSymbolicLink(repo.Path(".sessions/worklog/s004/a.json"), "../s005/a.json");
        repo.Run("rm", "-r", "--quiet", ".sessions/worklog/s006");
        repo.Run("add", "-A");
        repo.Run("update-index", "--chmod=+x", ".sessions/worklog/s003/run.sh");
        var to = repo.CommitStaged("second");

        using var git = repo.OpenClean();
        var changes = git.ChangesBetween(from, to, ".sessions");

        Assert.That(changes, Is.EqualTo(GitAnswers.NameStatus(repo.Run("diff-tree", "-r", "--no-renames", "--name-status", "-z", from, to, "--", ".sessions"))));
        Assert.That(changes, Has.Count.EqualTo(7));
    }

    [Test]
    public void SameTreeOutside_OfARootOf600Entries_LooksPastTheFolderOnly()
    {
        var repo = TempRepository.Create();
        for (var i = 0; i < 600; i++)
        {
            repo.Write($"f{i:000}.txt", "x\n");
        }

        repo.Run("add", ".");
        var first = repo.CommitStaged("first");
        var recordsOnly = repo.CommitAt(".sessions/worklog/s/1.json", "{}\n");
        var alsoCode = repo.CommitAt("f001.txt", "changed\n");

        using var git = repo.OpenClean();

        Assert.That(git.SameTreeOutside(first, recordsOnly, ".sessions"), Is.True);
        Assert.That(git.SameTreeOutside(recordsOnly, alsoCode, ".sessions"), Is.False);
        Assert.That(git.SameTreeOutside(first, alsoCode, ".sessions/"), Is.False);
    }

    [Test]
    public void SameTreeOutside_IsTrue_OnlyWhenEveryChangeIsInTheFolder()
    {
        var repo = TempRepository.Create();
        var first = repo.CommitAt("src/a.txt", "a\n");
        var recordsOnly = repo.CommitAt(".sessions/worklog/s/1.json", "{}\n");
        var alsoCode = repo.CommitAt("src/deep/b.txt", "b\n");

        using var git = repo.OpenClean();

        Assert.That(git.SameTreeOutside(first, recordsOnly, ".sessions"), Is.True);
        Assert.That(git.SameTreeOutside(recordsOnly, alsoCode, ".sessions"), Is.False);
        Assert.That(git.SameTreeOutside(first, alsoCode, ".sessions"), Is.False);
        Assert.That(git.SameTreeOutside(first, first, ".sessions"), Is.True);
    }
}
