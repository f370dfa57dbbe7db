using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryStageTests
{
    [Test]
    public void Stage_PutsTheWorktreeVersionInTheIndexAsGitAddWould()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("gone.json", "{}\n");
        repo.Write(".sessions/worklog.json", "{ \"entries\": [] }\n");
        File.Delete(repo.Path("gone.json"));

        using (var git = repo.OpenClean())
        {
            git.Stage([".sessions/worklog.json", "gone.json"]);
        }

        Assert.That(IndexedBlob(repo, null, ".sessions/worklog.json"), Is.EqualTo(repo.Run("hash-object", ".sessions/worklog.json").Trim()));
        Assert.That(repo.Run("ls-files", "--", "gone.json"), Is.Empty);
        Assert.That(repo.Run("status", "--porcelain"), Is.EqualTo("A  .sessions/worklog.json\nD  gone.json\n"));
    }

    [Test]
    public void Stage_IntoATemporaryIndexWhileTheRealIndexWaitsInIndexLock_StagesIntoBoth()
    {
        // What git commit --only leaves for its pre-commit hook: the real index, with the committed
        // paths added, held in index.lock; HEAD plus those paths in a temporary index.
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Write("a.txt", "a2\n").Write("c.txt", "c\n").Run("add", "c.txt");
        var gitDir = repo.GitDir();
        File.Copy(Path.Combine(gitDir, "index"), Path.Combine(gitDir, "index.lock"));
        var waiting = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = Path.Combine(gitDir, "index.lock") };
        var temporary = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = Path.Combine(gitDir, "next-index-42.lock") };
        repo.RunWith(waiting, "add", "a.txt");
        repo.RunWith(temporary, "read-tree", "HEAD");
        repo.RunWith(temporary, "add", "a.txt");
        repo.Write(".sessions/worklog.json", "{}\n");

        using (var git = repo.OpenClean(indexPath: temporary["GIT_INDEX_FILE"]))
        {
            git.Stage([".sessions/worklog.json"]);
        }

        var blob = repo.Run("hash-object", ".sessions/worklog.json").Trim();
        Assert.That(IndexedBlob(repo, temporary, ".sessions/worklog.json"), Is.EqualTo(blob));
        Assert.That(IndexedBlob(repo, waiting, ".sessions/worklog.json"), Is.EqualTo(blob));
        Assert.That(repo.Run("ls-files", "--", ".sessions/worklog.json"), Is.Empty, "the index git will replace is left alone");

        // Finish the commit as git does: commit the temporary index, then the lock becomes the index.
        var tree = repo.RunWith(temporary, "write-tree").Trim();
        var commit = repo.Run("commit-tree", tree, "-p", "HEAD", "-m", "partial").Trim();
        repo.Run("update-ref", "HEAD", commit);
        File.Delete(temporary["GIT_INDEX_FILE"]!);
        File.Move(Path.Combine(gitDir, "index.lock"), Path.Combine(gitDir, "index"), overwrite: true);
        Assert.That(repo.Run("status", "--porcelain"), Is.EqualTo("A  c.txt\n"));
    }

    [TestCase("--only", "plain: the paths named", "A  c.txt\n")]
    [TestCase("-a", "all tracked changes", "")]
    [TestCase("", "what is staged", "")]
    public void Stage_FromARealPreCommitHook_CommitsTheFileAndLeavesStatusClean(string mode, string meaning, string statusAfter)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.Write("a.txt", "a2\n").Write("c.txt", "c\n").Run("add", "c.txt");
        if (mode.Length == 0)
        {
            repo.Run("add", "a.txt");
        }

        var signal = Path.Combine(Path.GetDirectoryName(repo.Root)!, "hook-index");
        var go = Path.Combine(Path.GetDirectoryName(repo.Root)!, "go");
        var hook = Path.Combine(repo.GitDir(), "hooks", "pre-commit");
        File.WriteAllText(hook, $"#!/bin/sh\nprintf '%s' \"$GIT_INDEX_FILE\" > '{signal}.tmp' && mv '{signal}.tmp' '{signal}'\nwhile [ ! -f '{go}' ]; do sleep 0.05; done\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        repo.Write(".sessions/worklog.json", "{}\n");
        string[] arguments = mode switch
        {
            "--only" => ["commit", "--quiet", "-m", meaning, "--only", "a.txt"],
            "-a" => ["commit", "--quiet", "-m", meaning, "-a"],
            _ => ["commit", "--quiet", "-m", meaning],
        };

        var commit = Task.Run(() => repo.Git.TryWith(repo.Root, null, null, arguments));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(signal) && !commit.IsCompleted && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.That(File.Exists(signal), Is.True, "the pre-commit hook ran");
        using (var git = GitRepository.Open(repo.Root, new GitEnvironment(IndexFile: File.ReadAllText(signal))))
        {
            git.Stage([".sessions/worklog.json"]);
        }

        File.WriteAllText(go, "");
        GitRunner.Check(commit.Result);

        var committed = GitAnswers.Lines(repo.Run("show", "--name-only", "--format=", "HEAD"));
        Assert.That(committed, Is.EquivalentTo(mode == "--only" ? new[] { "a.txt", ".sessions/worklog.json" } : new[] { "a.txt", "c.txt", ".sessions/worklog.json" }));
        Assert.That(repo.Run("status", "--porcelain"), Is.EqualTo(statusAfter));
    }

    private static string IndexedBlob(TempRepository repo, IReadOnlyDictionary<string, string?>? index, string path)
    {
        var line = repo.RunWith(index ?? new Dictionary<string, string?>(), "ls-files", "-s", "--", path).Trim();
        Assert.That(line, Is.Not.Empty, $"{path} is in the index");
        return line.Split(' ')[1];
    }
}
