using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// Husky.Net's task runner starts tasks with nothing on standard input, where git gives pre-push the
/// refs being pushed and post-rewrite the rewritten commits. A hook routed through the runner for
/// those groups would check and record nothing, so SessionHooks keeps its own line there.
/// </summary>
public class StandardInputHookTests
{
    [Test]
    public void PrePush_WhenTheHookRunsItsTaskRunnerGroup_StillRefusesACommitWithNoSession()
    {
        var repo = HuskyRepository.Create();
        repo.HuskyInstall();
        RouteThroughTaskRunner(repo, "pre-push");

        var install = repo.SessionInstall();

        Assert.That(install.StandardOutput, Does.Contain("Husky.Net's task runner does not pass git's standard input to tasks"));
        Assert.That(repo.Repo.Read(".husky/pre-push"), Does.Contain("sessionhooks.sh\" pre-push \"$@\""));
        Assert.That(repo.TaskNames(), Has.None.EqualTo("sessionhooks-pre-push"));
        repo.Run("add", "-A");
        GitRunner.Check(repo.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        var first = repo.Try("push", "-q", "-u", "origin", "main");
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(File.Exists(Path.Combine(repo.Repo.GitDir(), "pre-push-task-ran")), Is.True, "the user's own task in the group still runs");

        repo.Repo.Write("unlogged.txt", "made without the hooks\n");
        repo.Run("add", "unlogged.txt");
        GitRunner.Check(repo.TryWith(new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, "commit", "-q", "-m", "no session"));
        var push = repo.Try("push", "-q", "origin", "main");

        Assert.That(push.ExitCode, Is.Not.Zero, push.ToString());
        Assert.That(push.StandardError, Does.Contain("error SH4002"));
    }

    [Test]
    public void PostRewrite_WhenTheHookRunsItsTaskRunnerGroup_StillRecordsTheAmendedCommit()
    {
        var repo = HuskyRepository.Create();
        repo.HuskyInstall();
        RouteThroughTaskRunner(repo, "post-rewrite");
        repo.SessionInstall();
        repo.Run("add", "-A");
        GitRunner.Check(repo.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        repo.Commit("a.txt", "a\n", "add a");
        var amended = repo.Head();

        GitRunner.Check(repo.Try("commit", "-q", "--amend", "-m", "add a, reworded"));

        var replaced = repo.PendingEntries().Where(e => (string?)e["commit"] == amended).ToList();
        Assert.That(replaced, Has.Count.EqualTo(1), "post-rewrite recorded the replaced commit");
        Assert.That((string?)replaced[0]["replaced_by"], Is.EqualTo(repo.Head()));
    }

    /// <summary>The hook runs the task runner for its group with git's arguments, and the group has a task of the user's.</summary>
    private static void RouteThroughTaskRunner(HuskyRepository repo, string hook)
    {
        GitRunner.Check(repo.Husky("add", hook, "-c", $"dotnet husky run --group {hook} --args \"$@\""));
        var tasks = System.Text.Json.Nodes.JsonNode.Parse(repo.Repo.Read(".husky/task-runner.json"))!;
        tasks["tasks"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = $"users-{hook}-task",
            ["group"] = hook,
            ["command"] = "sh",
            ["args"] = new System.Text.Json.Nodes.JsonArray("-c", $"echo ran >> .git/{hook}-task-ran"),
        });
        repo.Repo.Write(".husky/task-runner.json", tasks.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
