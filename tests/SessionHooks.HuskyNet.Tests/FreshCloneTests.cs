using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// A second clone of a repository that uses SessionHooks: git runs its hook lines once Husky.Net's
/// install points core.hooksPath at them, but SessionHooks is not set up there yet. Each hook names
/// the one command that sets it up, and pre-push refuses until then.
/// </summary>
public class FreshCloneTests
{
    [Test]
    public void FreshClone_NotSetUp_NamesTheCommandAndPrePushRefuses()
    {
        var manifest = JsonNode.Parse(HuskyNetTool.Manifest)!;
        manifest["tools"]!["sessionhooks.cli"] = new JsonObject { ["version"] = "0.1.0", ["commands"] = new JsonArray("session"), ["rollForward"] = false };
        var first = HuskyRepository.Create("first", manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        first.SessionInstall();
        first.HuskyInstall();
        first.Run("add", "-A");
        GitRunner.Check(first.Try("commit", "-q", "-m", "Use Husky.Net and SessionHooks"));
        GitRunner.Check(first.Try("push", "-q", "-u", "origin", "main"));

        var second = first.CloneOf(first.Remote, "second");
        second.HuskyInstall();
        var commit = second.Commit("b.txt", "b\n", "made in the second clone");
        var push = second.Try("push", "-q", "origin", "main");

        const string command = "run: dotnet tool restore && dotnet session install";
        Assert.That(commit.StandardError, Does.Contain("SessionHooks: the hook programs are not set up in this clone; " + command));
        Assert.That(push.ExitCode, Is.EqualTo(1), push.ToString());
        Assert.That(push.StandardError, Does.Contain("SessionHooks pre-push: push refused: the hook programs are not set up in this clone; " + command));
        Assert.That(second.Run("ls-remote", "origin", "main").Trim(), Does.StartWith(first.Head()), "nothing was pushed");

        // Set up (here from the test's hooks folder, as 'dotnet session install' does from the tool's):
        // the commit made before is caught, 'session recover' records it, and the push goes through.
        second.SessionInstall();
        var unrecorded = second.Try("push", "-q", "origin", "main");
        Assert.That(unrecorded.StandardError, Does.Contain("error SH4002"), unrecorded.ToString());
        GitRunner.Check(second.Session("recover"));
        GitRunner.Check(second.Try("push", "-q", "origin", "main"));
        Assert.That(second.Run("ls-remote", "origin", "main").Trim(), Does.StartWith(second.Head()));
    }
}
