using SessionHooks.Diagnostics;
using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

public class InstallTests : InstallFixture
{
    private static readonly string[] WiredHooks = ["post-checkout", "pre-commit", "pre-merge-commit", "pre-push"];

    /// <summary>What a commit runs (the fake programs add no trailer, so commit-msg runs too): pre-commit, prepare-commit-msg, commit-msg, post-commit.</summary>
    private static readonly string[] CommitPrograms = ["sessionhooks-pre-commit", "sessionhooks-commit-msg", "sessionhooks-commit-msg", "sessionhooks-post-commit"];

    [Test]
    public void Install_FreshRepository_SetsUpHooksTasksConfigMergeDriverIgnoresAndSchemas()
    {
        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(result.Changed, Is.True);
        Assert.That(IsExecutable(Repo.Path(".husky/sessionhooks.sh")), Is.True);
        Assert.That(Repo.Read(".husky/sessionhooks.sh"), Is.EqualTo(LauncherScript.Text));
        foreach (var hook in WiredHooks)
        {
            var text = Repo.Read(".husky/" + hook);
            Assert.That(text, Does.StartWith("#!/bin/sh\n"), hook);
            Assert.That(text, Does.Contain($"sh \"$(dirname \"$0\")/sessionhooks.sh\" {hook} \"$@\" || exit $? {HookScript.Marker}"), hook);
            Assert.That(IsExecutable(Repo.Path(".husky/" + hook)), Is.True, hook);
        }

        Assert.That(Repo.Run("config", "--local", "--get", "core.hooksPath").Trim(), Is.EqualTo(".husky"));
        Assert.That(Repo.Run("config", "--local", "--get", "sessionhooks.hooksdir").Trim(), Is.EqualTo(Hooks.Path));
        Assert.That(Repo.Run("config", "--local", "--get", "merge.sessionhooks.driver").Trim(), Is.EqualTo("sh .husky/sessionhooks.sh merge-driver %O %A %B %P"));
        Assert.That(Repo.Run("check-attr", "merge", "--", ".sessions/worklog.json", ".sessions/ai_sessions.json"),
            Is.EqualTo(".sessions/worklog.json: merge: sessionhooks\n.sessions/ai_sessions.json: merge: sessionhooks\n"));
        Assert.That(Repo.Try("check-ignore", "-q", ".sessions/current_session.json").ExitCode, Is.Zero);
        Assert.That(Repo.Try("check-ignore", "-q", ".sessions/.worklog.json.42.abc.tmp").ExitCode, Is.Zero);
        Assert.That(Repo.Try("check-ignore", "-q", ".sessions/worklog.json").ExitCode, Is.EqualTo(1), "the committed files stay visible");
        Assert.That(Repo.Read(".husky/task-runner.json"), Does.Contain("\"sessionhooks-pre-commit\"").And.Not.Contain("\"sessionhooks-pre-push\""));
        Assert.That(File.ReadAllText(Path.Combine(Repo.GitDir(), "sessionhooks", "hooksdir")), Is.EqualTo(Hooks.Path + "\n"));
        foreach (var name in SchemaCopies.Names)
        {
            Assert.That(Repo.Read(".sessions/schemas/" + name), Is.EqualTo(SchemaCopies.Text(name)), name);
        }
    }

    [Test]
    public void Install_CopiesTheSchemaOfEveryFileItOwns()
    {
        if (SchemaCopies.Names.Count == 0)
        {
            Assert.Ignore("no schemas are embedded in this build yet");
        }

        HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(Directory.GetFiles(Repo.Path(".sessions/schemas")).Select(Path.GetFileName),
            Is.SupersetOf(new[] { "core.schema.json", "ai_sessions.schema.json", "current_session.schema.json", "worklog.schema.json", "config.schema.json" }));
    }

    [Test]
    public void Install_Twice_ChangesNothingTheSecondTime()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var files = Snapshot();
        var config = LocalConfig();

        var second = HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(second.Changes, Is.Empty);
        Assert.That(Snapshot(), Is.EqualTo(files));
        Assert.That(LocalConfig(), Is.EqualTo(config));
    }

    [Test]
    public void Install_DryRun_ReportsThePlanAndWritesNothing()
    {
        var files = Snapshot();
        var config = LocalConfig();

        var plan = HookInstaller.Install(Repo.Root, Hooks.Path, new InstallOptions(DryRun: true));

        Assert.That(plan.DryRun, Is.True);
        Assert.That(plan.Changes, Has.Some.EqualTo("created .husky/pre-commit"));
        Assert.That(plan.Changes, Has.Some.EqualTo("set core.hooksPath = .husky (local git config)"));
        Assert.That(Snapshot(), Is.EqualTo(files));
        Assert.That(LocalConfig(), Is.EqualTo(config));
    }

    [Test]
    public void Install_ExistingHuskyHook_KeepsEveryUserLineAndAddsOursOnceBeforeTheFinalExit()
    {
        const string user = "#!/bin/sh\n. \"$(dirname \"$0\")/_/husky.sh\"\n\necho user-check > user-ran\nexit 0\n";
        Repo.Write(".husky/pre-commit", user);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);
        HookInstaller.Install(Repo.Root, Hooks.Path);

        var lines = Repo.Read(".husky/pre-commit").Split('\n');
        Assert.That(lines, Is.EqualTo(new[]
        {
            "#!/bin/sh", ". \"$(dirname \"$0\")/_/husky.sh\"", "", "echo user-check > user-ran",
            HookScript.Line("pre-commit", besideLauncher: true), "exit 0", "",
        }));
        Assert.That(result.Changes, Has.Some.EqualTo("added SessionHooks' line to .husky/pre-commit (your lines are kept)"));
        Assert.That(result.Notes, Has.Some.Contains("sources _/husky.sh, which this clone lacks"));
    }

    [Test]
    public void Install_ThenCommit_RunsTheUsersHookAndThePreCommitProgram()
    {
        Repo.Write(".husky/pre-commit", "#!/bin/sh\necho user-check > user-ran\n");
        HookInstaller.Install(Repo.Root, Hooks.Path);

        Repo.Commit("a.txt", "a\n");

        Assert.That(File.Exists(Repo.Path("user-ran")), Is.True);
        Assert.That(Hooks.Calls().Select(c => c.Program), Is.EqualTo(CommitPrograms));
    }

    [Test]
    public void Install_ThenSwitchMergeAndPush_ReachEachProgramWithGitsArguments()
    {
        var bare = Repo.AddBareRemote();
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var start = Repo.Head();

        Repo.Run("switch", "--quiet", "-c", "feature/ünï'q$(touch_pwned);x");
        var feature = Repo.Commit("b.txt", "b\n");
        Repo.Run("switch", "--quiet", "main");
        Repo.Run("merge", "--quiet", "--no-ff", "-m", "merge", "feature/ünï'q$(touch_pwned);x");
        Repo.Run("push", "--quiet", "origin", "main");

        var calls = Hooks.Calls();
        Assert.That(calls[0], Is.EqualTo(new ProgramCall("sessionhooks-post-checkout", [start, start, "1"], "")).Using<ProgramCall>(SameCall));
        string[] expected =
        [
            "sessionhooks-post-checkout", .. CommitPrograms, "sessionhooks-post-checkout",
            "sessionhooks-pre-commit", "sessionhooks-commit-msg", "sessionhooks-commit-msg", "sessionhooks-pre-push",
        ];
        Assert.That(calls.Select(c => c.Program), Is.EqualTo(expected));
        Assert.That(calls[5].Arguments, Is.EqualTo(new[] { feature, start, "1" }));
        Assert.That(calls[2].Arguments, Is.EqualTo(new[] { "prepare-commit-msg", ".git/COMMIT_EDITMSG", "message" }));
        Assert.That(calls[7].Arguments, Is.EqualTo(new[] { "prepare-commit-msg", ".git/MERGE_MSG", "merge" }));
        var push = calls[9];
        Assert.That(push.Arguments, Is.EqualTo(new[] { "origin", bare }));
        Assert.That(push.StandardInput, Does.StartWith($"refs/heads/main {Repo.Head()} refs/heads/main "));
    }

    [Test]
    public void Install_PrePushProgramRefuses_GitPushIsBlocked()
    {
        Repo.AddBareRemote();
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Hooks.ExitWith(1);

        var push = Repo.Try("push", "origin", "main");

        Assert.That(push.ExitCode, Is.Not.Zero);
        Assert.That(push.StandardError, Does.Contain("failed to push"));
    }

    [Test]
    public void Install_HooksPathSetToAFolderInTheRepository_AddsOurLinesThereAndKeepsTheSetting()
    {
        var folder = Repo.Path(".githooks");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pre-commit"), "#!/bin/sh\necho team-check > team-ran\n");
        MakeExecutable(Path.Combine(folder, "pre-commit"));
        Repo.Run("config", "core.hooksPath", ".githooks");

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Commit("a.txt", "a\n");

        Assert.That(Repo.Run("config", "--get", "core.hooksPath").Trim(), Is.EqualTo(".githooks"));
        Assert.That(result.Notes, Has.Some.StartWith("core.hooksPath is "));
        Assert.That(File.Exists(Repo.Path(".husky/pre-commit")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(folder, "pre-commit")), Does.StartWith("#!/bin/sh\necho team-check > team-ran\n"));
        Assert.That(IsExecutable(Path.Combine(folder, "pre-push")), Is.True);
        Assert.That(File.Exists(Repo.Path("team-ran")), Is.True);
        Assert.That(Hooks.Calls().Select(c => c.Program), Is.EqualTo(CommitPrograms));
    }

    [TestCase("--local")]
    [TestCase("--global")]
    public void Install_HooksPathOutsideTheRepository_StopsWithOneLine_AndWritesNothingAnywhere(string scope)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "team hooks");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pre-commit"), "#!/bin/sh\necho team-check > team-ran\n");
        Repo.Run("config", scope, "core.hooksPath", folder);
        var worktree = Snapshot();
        var config = LocalConfig();

        var refused = Assert.Throws<SessionHooksException>(() => HookInstaller.Install(Repo.Root, Hooks.Path))!;

        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5009"));
        Assert.That(refused.Diagnostic.Render(), Does.Contain(scope[2..] + " git config").And.Contain("git config --local core.hooksPath .husky").And.Not.Contain("\n"));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "pre-commit" }));
        Assert.That(File.ReadAllText(Path.Combine(folder, "pre-commit")), Is.EqualTo("#!/bin/sh\necho team-check > team-ran\n"));
        Assert.That(Snapshot(), Is.EqualTo(worktree));
        Assert.That(LocalConfig(), Is.EqualTo(config));
    }

    [Test]
    public void Install_GlobalHooksPath_ThenRepositoryLocalHusky_InstallsInThisRepositoryOnly()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "global hooks");
        Directory.CreateDirectory(folder);
        Repo.Run("config", "--global", "core.hooksPath", folder);
        Repo.Run("config", "--local", "core.hooksPath", ".husky");

        HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Commit("a.txt", "a\n");

        Assert.That(Directory.GetFiles(folder), Is.Empty, "nothing written to the global hooks folder");
        Assert.That(Repo.Read(".husky/pre-commit"), Does.Contain(HookScript.Marker));
        Assert.That(Hooks.Calls().Select(c => c.Program), Is.EqualTo(CommitPrograms));
    }

    [Test]
    public void Install_UserHooksInGitHooksFolder_KeepsThemRunningAndLeavesHooksPathUnset()
    {
        var userHook = Path.Combine(Repo.GitDir(), "hooks", "pre-commit");
        File.WriteAllText(userHook, "#!/bin/sh\necho mine > mine-ran\n");
        MakeExecutable(userHook);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Commit("a.txt", "a\n");

        Assert.That(Repo.Try("config", "--get", "core.hooksPath").ExitCode, Is.EqualTo(1));
        Assert.That(result.Notes, Has.Some.Contains("would switch yours off"));
        Assert.That(File.ReadAllText(userHook), Does.StartWith("#!/bin/sh\necho mine > mine-ran\n"));
        Assert.That(File.Exists(Repo.Path("mine-ran")), Is.True);
        Assert.That(Hooks.Calls().Select(c => c.Program), Is.EqualTo(CommitPrograms));
    }

    [Test]
    public void Install_HookThatRunsTheTaskRunnerForItsGroup_GetsOurTaskInsteadOfADirectLine()
    {
        const string user = "#!/bin/sh\n. \"$(dirname \"$0\")/_/husky.sh\"\n\ndotnet husky run --group commit-msg\n";
        Repo.Write(".husky/commit-msg", user);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(Repo.Read(".husky/commit-msg"), Is.EqualTo(user));
        Assert.That(Repo.Read(".husky/task-runner.json"), Does.Contain("\"group\": \"commit-msg\""));
        Assert.That(result.Notes, Has.Some.Contains("as the task 'sessionhooks-commit-msg'"));
        Assert.That(result.Notes, Has.Some.Contains("without --args \"$@\""));
    }

    [TestCase("pre-push")]
    [TestCase("post-rewrite")]
    public void Install_HookThatRunsTheTaskRunnerForAGroupReadingStandardInput_KeepsOurLineAndSaysWhy(string hook)
    {
        var user = $"#!/bin/sh\n. \"$(dirname \"$0\")/_/husky.sh\"\n\ndotnet husky run --group {hook} --args \"$@\"\n";
        Repo.Write(".husky/" + hook, user);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(Repo.Read(".husky/" + hook), Does.StartWith(user).And.Contain(HookScript.Line(hook, besideLauncher: true)));
        Assert.That(Repo.Read(".husky/task-runner.json"), Does.Not.Contain($"\"group\": \"{hook}\""));
        Assert.That(result.Notes, Has.Some.EqualTo(InstallLayout.OwnLineReason));
    }

    [Test]
    public void Install_OverAnEarlierInstallsStandardInputTasks_RemovesThemAndPutsOurLineBack()
    {
        const string routed = "#!/bin/sh\n\ndotnet husky run --group pre-push --args \"$@\"\n";
        Repo.Write(".husky/pre-push", routed);
        Repo.Write(".husky/task-runner.json", """
            {
              "tasks": [
                { "name": "lint", "group": "pre-push", "command": "echo" },
                { "name": "sessionhooks-pre-push", "group": "pre-push", "command": "sh", "args": [ ".husky/sessionhooks.sh", "pre-push", "${args}" ] },
                { "name": "sessionhooks-post-rewrite", "group": "post-rewrite", "command": "sh", "args": [ ".husky/sessionhooks.sh", "post-rewrite", "${args}" ] }
              ]
            }

            """);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        var tasks = Repo.Read(".husky/task-runner.json");
        Assert.That(tasks, Does.Contain("\"lint\"").And.Not.Contain("sessionhooks-pre-push").And.Not.Contain("sessionhooks-post-rewrite"));
        Assert.That(Repo.Read(".husky/pre-push"), Does.Contain(HookScript.Line("pre-push", besideLauncher: true)));
        Assert.That(result.Changes, Has.Some.Contains("removed tasks from .husky/task-runner.json: sessionhooks-pre-push, sessionhooks-post-rewrite"));
    }

    [Test]
    public void Install_HookThatRunsEveryTask_KeepsOurLinesAndWritesOnlyTheRecoverTask()
    {
        // What 'dotnet husky add pre-commit' writes by default: every task runs in that hook.
        Repo.Write(".husky/pre-commit", "#!/bin/sh\n. \"$(dirname \"$0\")/_/husky.sh\"\n\ndotnet husky run\n");
        Repo.Write(".husky/commit-msg", "#!/bin/sh\n\ndotnet husky run --group commit-msg --args \"$1\"\n");

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        var names = System.Text.Json.Nodes.JsonNode.Parse(Repo.Read(".husky/task-runner.json"))!["tasks"]!.AsArray().Select(t => (string)t!["name"]!);
        Assert.That(names, Is.EqualTo(new[] { "sessionhooks-recover" }));
        Assert.That(Repo.Read(".husky/pre-commit"), Does.Contain(HookScript.Line("pre-commit", besideLauncher: true)));
        Assert.That(Repo.Read(".husky/commit-msg"), Does.Contain(HookScript.Line("commit-msg", besideLauncher: true)));
        Assert.That(result.Notes, Has.Some.StartsWith(".husky/pre-commit runs every task of Husky.Net's task runner"));
    }

    [Test]
    public void Install_NotARepository_ThrowsAOneLineDiagnostic()
    {
        var elsewhere = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "not-a-repo");
        Directory.CreateDirectory(elsewhere);
        Environment.SetEnvironmentVariable("GIT_CEILING_DIRECTORIES", Path.GetDirectoryName(Repo.Root));
        try
        {
            var error = Assert.Throws<SessionHooksException>(() => HookInstaller.Install(elsewhere, Hooks.Path));
            Assert.That(error!.Diagnostic.Code, Is.EqualTo(DiagnosticCatalog.NotARepository.Code));
            Assert.That(error.Message, Does.Not.Contain("\n"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIT_CEILING_DIRECTORIES", null);
        }
    }

    [Test]
    public void Install_InvalidTaskRunnerJson_ReportsWhereAndWritesNothing()
    {
        Repo.Write(".husky/task-runner.json", "{\n  \"tasks\": [\n    { \"name\": \"x\" \n  ]\n}\n");
        var files = Snapshot();

        var error = Assert.Throws<SessionHooksException>(() => HookInstaller.Install(Repo.Root, Hooks.Path));

        Assert.That(error!.Message, Does.StartWith(".husky/task-runner.json(4,"));
        Assert.That(error.Message, Does.Contain("error SH1002"));
        Assert.That(Snapshot(), Is.EqualTo(files));
    }

    private static bool SameCall(ProgramCall a, ProgramCall b) =>
        a.Program == b.Program && a.Arguments.SequenceEqual(b.Arguments) && a.StandardInput == b.StandardInput;
}
