using SessionHooks.Hooks;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Hooks;

/// <summary>
/// A hook program tells git's runs from a task-runner task started by hand by what git gives each
/// hook (git 2.39: see <see cref="HookCall"/>); the hook tests check the other half, that every run of
/// git's passes, through real commits, rebases, merges, checkouts and pushes.
/// </summary>
public class HookCallTests
{
    private const string Oid = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private const string Zero = "0000000000000000000000000000000000000000";

    private static readonly Dictionary<string, string?> Commit = new() { ["GIT_INDEX_FILE"] = ".git/index", ["GIT_EXEC_PATH"] = "/usr/lib/git-core" };
    private static readonly Dictionary<string, string?> Git = new() { ["GIT_EXEC_PATH"] = "/usr/lib/git-core" };
    private static readonly Dictionary<string, string?> ByHand = [];

    [TestCase("pre-commit")]
    [TestCase("pre-merge-commit")]
    [TestCase("post-commit")]
    public void CommitHook_WithoutGitsIndexFile_IsNotGits(string hook)
    {
        Assert.That(new HookCall(hook, []).NotRunByGit(ByHand.GetValueOrDefault), Does.StartWith("GIT_INDEX_FILE is unset"));
        Assert.That(new HookCall(hook, []).NotRunByGit(Git.GetValueOrDefault), Does.StartWith("GIT_INDEX_FILE is unset"), "a 'git lint' alias is no commit either");
        Assert.That(new HookCall(hook, []).NotRunByGit(Commit.GetValueOrDefault), Is.Null);
    }

    [TestCase("prepare-commit-msg")]
    [TestCase("commit-msg")]
    public void MessageHook_NeedsGitsIndexFileAndAnExistingMessageFile(string hook)
    {
        var message = Path.Combine(TestDirectory.Create(), "COMMIT_EDITMSG");
        File.WriteAllText(message, "subject\n");

        Assert.That(new HookCall(hook, [message, "message"]).NotRunByGit(Commit.GetValueOrDefault), Is.Null);
        Assert.That(new HookCall(hook, [message]).NotRunByGit(ByHand.GetValueOrDefault), Does.StartWith("GIT_INDEX_FILE is unset"));
        Assert.That(new HookCall(hook, []).NotRunByGit(Commit.GetValueOrDefault), Does.StartWith("no commit message file"));
        Assert.That(new HookCall(hook, [message + ".missing"]).NotRunByGit(Commit.GetValueOrDefault), Does.StartWith("no commit message file"));
    }

    [TestCase(new[] { Oid, Oid, "1" }, true)]
    [TestCase(new[] { Zero, Oid, "1" }, true)]
    [TestCase(new[] { Oid, Oid, "0" }, true)]
    [TestCase(new string[0], false)]
    [TestCase(new[] { Oid, Oid }, false)]
    [TestCase(new[] { "HEAD", Oid, "1" }, false)]
    [TestCase(new[] { Oid, Oid, "yes" }, false)]
    public void PostCheckout_IsGitsWithItsThreeArguments(string[] arguments, bool gits) =>
        Assert.That(new HookCall("post-checkout", arguments).NotRunByGit(ByHand.GetValueOrDefault), gits ? Is.Null : Does.StartWith("without git's three arguments"));

    [Test]
    public void PrePush_WithNothingOnStandardInput_IsGitsOnlyWhenGitStartedIt()
    {
        var line = $"refs/heads/main {Oid} refs/heads/main {Zero}\n";

        Assert.That(new HookCall("pre-push", ["origin", "url"], line).NotRunByGit(ByHand.GetValueOrDefault), Is.Null);
        // git runs pre-push with nothing to read when every ref is up to date.
        Assert.That(new HookCall("pre-push", ["origin", "url"]).NotRunByGit(Git.GetValueOrDefault), Is.Null);
        Assert.That(new HookCall("pre-push", ["origin", "url"]).NotRunByGit(ByHand.GetValueOrDefault), Does.StartWith("nothing on standard input"));
    }

    [Test]
    public void PostRewrite_NeedsItsKindAndGitsLines()
    {
        var line = $"{Zero} {Oid}\n";

        Assert.That(new HookCall("post-rewrite", ["amend"], line).NotRunByGit(ByHand.GetValueOrDefault), Is.Null);
        Assert.That(new HookCall("post-rewrite", ["rebase"]).NotRunByGit(Git.GetValueOrDefault), Is.Null);
        Assert.That(new HookCall("post-rewrite", ["rebase"]).NotRunByGit(ByHand.GetValueOrDefault), Does.StartWith("nothing on standard input"));
        Assert.That(new HookCall("post-rewrite", [], line).NotRunByGit(Git.GetValueOrDefault), Does.StartWith("without git's argument"));
    }

    [Test]
    public void FromArguments_TakesTheLaunchersTaskRunnerOptionOff()
    {
        var task = HookCall.FromArguments("post-checkout", ["--task-runner", Oid, Oid, "1"]);
        var hook = HookCall.FromArguments("post-checkout", [Oid, Oid, "1"]);

        Assert.That(task.ViaTaskRunner, Is.True);
        Assert.That(task.Arguments, Is.EqualTo(new[] { Oid, Oid, "1" }));
        Assert.That(hook.ViaTaskRunner, Is.False);
        Assert.That(hook.Arguments, Is.EqualTo(new[] { Oid, Oid, "1" }));
    }
}
