using System.Globalization;
using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryCommitsTests
{
    [TestCase("HEAD")]
    [TestCase("HEAD~1")]
    [TestCase("main")]
    [TestCase("v1")]
    [TestCase("feature/ü;$x")]
    public void FindCommit_ResolvesNamesAndReadsTheCommitAsGitLogPrintsIt(string name)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n", "first");
        repo.Run("tag", "-a", "-m", "annotated", "v1");
        repo.Run("branch", "feature/ü;$x");
        repo.Run("checkout", "--quiet", "-b", "side");
        repo.CommitAt("b.txt", "b\n", "side work");
        repo.Run("checkout", "--quiet", "main");
        repo.CommitAt("c.txt", "c\n", "wrapped\nsubject line\n\nbody text");
        GitRunner.Check(repo.Git.TryWith(repo.Root, GitAnswers.NextDates("-0530"), null, "merge", "--quiet", "--no-ff", "-m", "merge side", "side"));

        using var git = repo.OpenClean();
        var commit = git.FindCommit(name);

        var fields = repo.Run("log", "-1", "--format=%H%x00%P%x00%s%x00%an%x00%ae%x00%aI%x00%cI", name).TrimEnd('\n').Split('\0');
        Assert.That(commit, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(commit!.Id, Is.EqualTo(fields[0]));
            Assert.That(commit.Parents, Is.EqualTo(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            Assert.That(commit.IsMerge, Is.EqualTo(fields[1].Contains(' ', StringComparison.Ordinal)));
            Assert.That(commit.Subject, Is.EqualTo(fields[2]));
            Assert.That(commit.AuthorName, Is.EqualTo(fields[3]));
            Assert.That(commit.AuthorEmail, Is.EqualTo(fields[4]));
            Assert.That(commit.AuthorTime, Is.EqualTo(DateTimeOffset.Parse(fields[5], CultureInfo.InvariantCulture)));
            Assert.That(commit.AuthorTime.Offset, Is.EqualTo(DateTimeOffset.Parse(fields[5], CultureInfo.InvariantCulture).Offset));
            Assert.That(commit.CommitTime, Is.EqualTo(DateTimeOffset.Parse(fields[6], CultureInfo.InvariantCulture)));
        });
    }

    [TestCase("no-such-branch")]
    [TestCase("0123456789012345678901234567890123456789")]
    [TestCase("HEAD:a.txt")]
    [TestCase("")]
    [TestCase("..")]
    public void FindCommit_ForWhatIsNotACommit_IsNull(string name)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");

        using var git = repo.OpenClean();

        Assert.That(repo.Try("rev-parse", "--verify", "-q", name + "^{commit}").ExitCode, Is.Not.Zero, "git finds no commit either");
        Assert.That(git.FindCommit(name), Is.Null);
    }

    [Test]
    public void Log_ListsCommitsInGitLogsOrder()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "1\n");
        repo.Run("checkout", "--quiet", "-b", "side");
        repo.CommitAt("s.txt", "1\n");
        repo.Run("checkout", "--quiet", "main");
        repo.CommitAt("a.txt", "2\n");
        repo.CommitAt("s.txt", "side\n");
        repo.CommitAt("s.txt", "side 2\n");
        repo.Run("checkout", "--quiet", "side");
        repo.CommitAt("t.txt", "2\n");
        repo.Run("checkout", "--quiet", "main");
        GitRunner.Check(repo.Git.TryWith(repo.Root, GitAnswers.NextDates(), null, "merge", "--quiet", "-X", "ours", "-m", "merge", "side"));
        repo.CommitAt("a.txt", "3\n");

        using var git = repo.OpenClean();

        foreach (var max in new[] { 1, 3, 100 })
        {
            Assert.That(git.Log("HEAD", max).Select(c => c.Id), Is.EqualTo(GitAnswers.Lines(repo.Run("log", "--format=%H", "-n", max.ToString(CultureInfo.InvariantCulture), "HEAD"))));
        }

        Assert.That(git.Log("side", 100).Select(c => c.Id), Is.EqualTo(GitAnswers.Lines(repo.Run("log", "--format=%H", "side"))));
    }

    [Test]
    public void IsAncestor_AgreesWithGitMergeBaseIsAncestor()
    {
        var repo = TempRepository.Create();
        var root = repo.CommitAt("a.txt", "1\n");
        repo.Run("checkout", "--quiet", "-b", "side");
        var side = repo.CommitAt("s.txt", "1\n");
        repo.Run("checkout", "--quiet", "main");
        var main = repo.CommitAt("a.txt", "2\n");
        repo.Run("merge", "--quiet", "--no-edit", "side");
        var merge = repo.Head();
        repo.Run("checkout", "--quiet", "--orphan", "unrelated");
        var unrelated = repo.CommitAt("u.txt", "u\n");

        using var git = repo.OpenClean();

        string[] commits = [root, side, main, merge, unrelated];
        foreach (var ancestor in commits)
        {
            foreach (var descendant in commits)
            {
                var gitSays = repo.Try("merge-base", "--is-ancestor", ancestor, descendant).ExitCode == 0;
                Assert.That(git.IsAncestor(ancestor, descendant), Is.EqualTo(gitSays), $"{ancestor} before {descendant}");
            }
        }

        Assert.That(git.IsAncestor("no-such", merge), Is.False);
    }
}
