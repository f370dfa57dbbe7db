using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryNumStatTests
{
    [Test]
    public void NumStat_CountsLinesPerFileAsGitShowNumstatDoes()
    {
        var repo = TempRepository.Create();
        var body = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"line {i}")) + "\n";
        repo.Write("edit.txt", "one\ntwo\nthree\n").Write("gone.txt", "x\ny\n").Write("old/moved.txt", body);
        File.WriteAllBytes(repo.Path("image.bin"), [0, 1, 2, 3, 0, 255]);
        repo.Run("add", ".");
        var root = repo.CommitStaged("root");
        repo.Write("edit.txt", "one\n2\nthree\nfour\n").Write("new file ü.txt", "a\nb\nc\n");
        File.WriteAllBytes(repo.Path("image.bin"), [0, 9, 9, 9, 0, 255, 7]);
        File.Delete(repo.Path("gone.txt"));
        Directory.CreateDirectory(repo.Path("new"));
        File.Move(repo.Path("old/moved.txt"), repo.Path("new/moved.txt"));
        repo.Write("new/moved.txt", body + "appended\n");
        repo.Run("add", "-A");
        var change = repo.CommitStaged("change");

        using var git = repo.OpenClean();

        foreach (var commit in new[] { root, change })
        {
            Assert.That(git.NumStat(commit), Is.EqualTo(GitAnswers.NumStat(repo.Run("show", "--numstat", "-z", "--format=", commit))), commit);
        }

        Assert.That(git.NumStat(change), Does.Contain(new FileStat("image.bin", 0, 0, true)));
        Assert.That(git.NumStat(change), Does.Contain(new FileStat("new/moved.txt", 1, 0, false)));
    }

    [Test]
    public void NumStat_OfAMerge_IsAgainstItsFirstParent()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Run("checkout", "--quiet", "-b", "side");
        repo.CommitAt("side.txt", "1\n2\n");
        repo.Run("checkout", "--quiet", "main");
        repo.CommitAt("main.txt", "m\n");
        GitRunner.Check(repo.Git.TryWith(repo.Root, GitAnswers.NextDates(), null, "merge", "--quiet", "--no-edit", "side"));

        using var git = repo.OpenClean();

        Assert.That(git.NumStat("HEAD"), Is.EqualTo(GitAnswers.NumStat(repo.Run("show", "--numstat", "-z", "--format=", "--diff-merges=first-parent", "HEAD"))));
        Assert.That(git.NumStat("HEAD"), Is.EqualTo(new[] { new FileStat("side.txt", 2, 0, false) }));
    }
}
