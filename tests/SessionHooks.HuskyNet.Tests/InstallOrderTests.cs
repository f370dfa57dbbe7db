using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// SessionHooks and Husky.Net installed in either order work together, and uninstalling SessionHooks
/// leaves Husky.Net as the user set it up: core.hooksPath, task-runner.json, its <c>_/</c> folder
/// and the user's hooks.
/// </summary>
public class InstallOrderTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void Uninstall_InEitherInstallOrder_LeavesAWorkingHuskyNetSetUp(bool sessionHooksFirst)
    {
        var repo = HuskyRepository.Create(sessionHooksFirst ? "session-first" : "husky-first");
        if (sessionHooksFirst)
        {
            repo.SessionInstall();
            repo.HuskyInstall();
        }
        else
        {
            repo.HuskyInstall();
            repo.SessionInstall();
        }

        // 'dotnet husky run' costs about 350 ms a call, so SessionHooks' lines start the launcher directly.
        foreach (var hook in new[] { "post-checkout", "pre-commit", "commit-msg", "post-commit", "pre-push" })
        {
            Assert.That(repo.Repo.Read(".husky/" + hook), Does.Contain("sessionhooks.sh").And.Not.Contain("husky run"), hook);
        }

        // A hook of the user's, added the way Husky.Net's documentation shows.
        GitRunner.Check(repo.Husky("add", "pre-commit", "-c", "echo ran >> .git/users-hook-ran"));
        repo.Run("add", "-A");
        GitRunner.Check(repo.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        Assert.That(repo.TrailerOf(), Is.Not.Empty, "SessionHooks' hooks ran");
        Assert.That(File.ReadAllLines(Path.Combine(repo.Repo.GitDir(), "users-hook-ran")), Has.Length.EqualTo(1));
        var huskyFolder = HuskyInternals(repo);

        var uninstall = GitRunner.Check(repo.Session("uninstall"));
        GitRunner.Check(repo.Try("commit", "-q", "--allow-empty", "-m", "after uninstall"));

        Assert.That(repo.Run("config", "--get", "core.hooksPath").Trim(), Is.EqualTo(".husky"), uninstall.ToString());
        Assert.That(File.ReadAllLines(Path.Combine(repo.Repo.GitDir(), "users-hook-ran")), Has.Length.EqualTo(2), "the user's hook still runs");
        Assert.That(repo.TrailerOf(), Is.Empty, "SessionHooks is gone");
        Assert.That(HuskyInternals(repo), Is.EqualTo(huskyFolder), "Husky.Net's _/ folder is untouched");
        Assert.That(repo.TaskNames(), Has.None.StartsWith("sessionhooks-"));
        if (!sessionHooksFirst)
        {
            Assert.That(repo.TaskNames(), Does.Contain("welcome-message-example"), "Husky.Net's own task is kept");
        }

        var run = repo.Husky("run");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }

    private static Dictionary<string, string> HuskyInternals(HuskyRepository repo)
    {
        var folder = repo.Repo.Path(".husky/_");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
    }
}
