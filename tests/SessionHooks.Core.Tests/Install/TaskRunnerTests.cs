using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using NJsonSchema;
using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

public class TaskRunnerTests : InstallFixture
{
    [Test]
    public async Task TaskRunnerJson_FreshAndMergedIntoTheUsers_ValidatesAgainstHuskyNetsSchema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath());
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var fresh = Repo.Read(".husky/task-runner.json");
        var user = TaskRunnerFile.Merge(
            "{\n   \"variables\": [ { \"name\": \"cs\", \"command\": \"git\", \"args\": [\"ls-files\"] } ],\n   \"tasks\": [ { \"name\": \"fmt\", \"command\": \"dotnet\", \"include\": [\"**/*.cs\"] } ]\n}\n",
            "task-runner.json").Text!;

        Assert.That(schema.Validate(fresh), Is.Empty, fresh);
        Assert.That(schema.Validate(user), Is.Empty, user);
        Assert.That(JsonNode.Parse(user)!["tasks"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("fmt"));
        Assert.That(JsonNode.Parse(user)!["variables"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public void TaskRunnerJson_Tasks_CoverEachGroupOnceByName()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);

        var tasks = JsonNode.Parse(Repo.Read(".husky/task-runner.json"))!["tasks"]!.AsArray();

        Assert.That(tasks.Select(t => $"{t!["name"]}:{t["group"]}"), Is.EqualTo(new[]
        {
            "sessionhooks-post-checkout:post-checkout", "sessionhooks-pre-commit:pre-commit",
            "sessionhooks-pre-merge-commit:pre-merge-commit", "sessionhooks-prepare-commit-msg:prepare-commit-msg",
            "sessionhooks-commit-msg:commit-msg", "sessionhooks-post-commit:post-commit", "sessionhooks-recover:session-recover",
        }));
    }

    // What 'dotnet husky run --group <group> [--args ...]' does with each task, as Husky.Net's
    // ArgumentParser does it: "${args}" becomes the passed arguments, one each, or nothing; a task
    // whose arguments end up fewer than its declared args is skipped; cwd is the worktree root.
    // The launcher tells the program a task started it (--task-runner).
    [TestCase("post-checkout", new[] { "aaaa", "bbbb", "1" }, "sessionhooks-post-checkout", new[] { "--task-runner", "aaaa", "bbbb", "1" })]
    [TestCase("pre-commit", new string[0], "sessionhooks-pre-commit", new[] { "--task-runner" })]
    [TestCase("pre-merge-commit", new string[0], "sessionhooks-pre-commit", new[] { "--task-runner", "--merge-commit" })]
    [TestCase("commit-msg", new[] { "/tmp/no such file" }, "sessionhooks-commit-msg", new[] { "--task-runner", "commit-msg", "/tmp/no such file" })]
    [TestCase("session-recover", new string[0], "session", new[] { "recover", "--task-runner" })]
    public void TaskRunnerTask_RunAsHuskyNetWould_ReachesTheProgramWithGitsArguments(string group, string[] passed, string program, string[] expected)
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var task = JsonNode.Parse(Repo.Read(".husky/task-runner.json"))!["tasks"]!.AsArray().Single(t => (string)t!["group"]! == group)!;
        var declared = task["args"]!.AsArray().Select(a => (string)a!).ToList();
        var arguments = declared.SelectMany(a => string.Equals(a.Trim(), "${args}", StringComparison.OrdinalIgnoreCase) ? passed : [a]).ToList();

        Assert.That(arguments, Has.Count.GreaterThanOrEqualTo(declared.Count), "Husky.Net would skip the task");
        var run = Repo.Git.Exec(Repo.Root, (string)task["command"]!, arguments);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var call = Hooks.Calls().Single();
        Assert.That(call.Program, Is.EqualTo(program));
        Assert.That(call.Arguments, Is.EqualTo(expected));
    }

    [Test]
    public void TaskRunnerJson_WithComments_IsLeftAloneWithANote()
    {
        const string user = "{\n  // formatting\n  \"tasks\": []\n}\n";
        Repo.Write(".husky/task-runner.json", user);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(Repo.Read(".husky/task-runner.json"), Is.EqualTo(user));
        Assert.That(result.Notes, Has.Some.Contains("has comments"));
    }

    private static string SchemaPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "task-runner.schema.json");
}
