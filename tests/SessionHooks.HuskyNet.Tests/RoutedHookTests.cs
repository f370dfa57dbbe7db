using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// Hooks that run Husky.Net's task runner: for one group, SessionHooks runs there as that group's
/// task; for every group (<c>dotnet husky add</c>'s default, a plain <c>dotnet husky run</c>),
/// SessionHooks keeps its own lines, so nothing runs twice or in another hook.
/// </summary>
public class RoutedHookTests
{
    [Test]
    public void PreCommit_RoutedThroughItsGroup_RecordsThroughTheTask()
    {
        var repo = HuskyRepository.Create();
        repo.HuskyInstall();
        GitRunner.Check(repo.Husky("add", "pre-commit", "-c", "dotnet husky run --group pre-commit"));

        var install = repo.SessionInstall();
        repo.Run("add", "-A");
        GitRunner.Check(repo.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        GitRunner.Check(repo.Session("log", "decision", "recorded through the task"));
        var commit = repo.Commit("a.txt", "a\n", "add a");

        Assert.That(install.StandardOutput, Does.Contain("as the task 'sessionhooks-pre-commit'"));
        Assert.That(repo.Repo.Read(".husky/pre-commit"), Does.Not.Contain("# SessionHooks (session install)"));
        Assert.That(commit.StandardOutput + commit.StandardError, Does.Contain("Executing task 'sessionhooks-pre-commit'"));
        Assert.That(repo.FilesOf().Count(f => f.StartsWith(".sessions/worklog/", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(repo.PendingEntries(), Is.Empty);
    }

    [Test]
    public void HookRunningEveryTask_RecordsOnce_AndMakesNoOtherCommit()
    {
        var repo = HuskyRepository.Create();
        repo.SessionInstall();
        repo.HuskyInstall();
        // Husky.Net's default hook line, added after SessionHooks' tasks were written.
        GitRunner.Check(repo.Husky("add", "pre-commit"));
        Assert.That(repo.Repo.Read(".husky/pre-commit"), Does.EndWith("\ndotnet husky run\n"));
        repo.Run("add", "-A");
        GitRunner.Check(repo.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        GitRunner.Check(repo.Session("log", "decision", "recorded once"));
        var before = repo.Head();

        var commit = repo.Commit("a.txt", "a\n", "add a");

        Assert.That(repo.Run("rev-parse", "HEAD~1").Trim(), Is.EqualTo(before), "the commit is the only one: the recover task made none");
        Assert.That(repo.FilesOf().Count(f => f.StartsWith(".sessions/worklog/", StringComparison.Ordinal)), Is.EqualTo(1), commit.ToString());
        Assert.That(repo.TrailerOf(), Is.Not.Empty);
        Assert.That(repo.PendingEntries(), Is.Empty);
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty, "nothing left staged or modified");

        // Installing again sees the hook that runs every task: of SessionHooks' tasks only the recover
        // task is left. (Husky.Net's install added no example task: task-runner.json was there already.)
        Assert.That(repo.TaskNames(), Does.Contain("sessionhooks-pre-commit"));
        repo.SessionInstall();
        Assert.That(repo.TaskNames(), Is.EqualTo(new[] { "sessionhooks-recover" }));
    }
}
