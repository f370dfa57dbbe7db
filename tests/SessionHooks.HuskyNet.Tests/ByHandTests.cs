using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// SessionHooks' task-runner tasks run by hand, outside a git operation — one group, or a plain
/// <c>dotnet husky run</c> that runs every task, as people run their lint tasks — do nothing and say
/// so in one line each: no records staged, no commit made, nothing logged. The recover task runs
/// when it is asked for by its group.
/// </summary>
public class ByHandTests
{
    [TestCase("run", "--group", "pre-commit")]
    [TestCase("run", "--group", "pre-merge-commit")]
    [TestCase("run", "--group", "post-commit")]
    [TestCase("run", "--group", "post-checkout", "--args", "a", "b", "1")]
    [TestCase("run")]
    public void HookTasks_RunByHand_DoNothingAndSaySo(params string[] arguments)
    {
        var repo = Installed();
        GitRunner.Check(repo.Session("log", "decision", "pending until the next commit"));
        repo.Repo.Write("staged.txt", "staged, not committed\n");
        repo.Run("add", "staged.txt");
        var (head, status, state) = (repo.Head(), repo.Run("status", "--porcelain"), repo.State());

        var run = repo.Husky(arguments);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(repo.Head(), Is.EqualTo(head), "no commit made");
        Assert.That(repo.Run("status", "--porcelain"), Is.EqualTo(status), "nothing staged or written");
        Assert.That(repo.State(), Is.EqualTo(state), "nothing logged, nothing recorded in the pending area");
        var said = (run.StandardOutput + run.StandardError).Split('\n').Where(l => l.StartsWith("SessionHooks ", StringComparison.Ordinal)).ToList();
        Assert.That(said, Is.Not.Empty, run.ToString());
        Assert.That(said, Has.All.Contains("nothing"), run.ToString());
    }

    [Test]
    public void RecoverGroup_RecordsWhatIsPendingInOneCommit()
    {
        var repo = Installed();
        GitRunner.Check(repo.Session("log", "decision", "recorded by the recover task"));
        var head = repo.Head();

        var run = repo.Husky("run", "--group", "session-recover");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(repo.Run("rev-parse", "HEAD~1").Trim(), Is.EqualTo(head), "one commit");
        Assert.That(repo.FilesOf(), Has.Some.StartsWith(".sessions/worklog/"));
        Assert.That(repo.TrailerOf(), Is.Not.Empty);
        Assert.That(repo.PendingEntries(), Is.Empty);
    }

    private static HuskyRepository Installed()
    {
        var repo = HuskyRepository.Create();
        repo.SessionInstall();
        repo.HuskyInstall();
        repo.Run("add", "-A");
        GitRunner.Check(repo.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        return repo;
    }
}
