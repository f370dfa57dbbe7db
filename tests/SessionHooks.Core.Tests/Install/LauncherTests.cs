using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

public class LauncherTests : InstallFixture
{
    private const string Launcher = ".husky/sessionhooks.sh";

    [TestCase("SESSIONHOOKS")]
    [TestCase("HUSKY")]
    public void Launcher_SkipVariableIsZero_ExitsZeroWithoutRunningAnything(string variable)
    {
        Repo.AddBareRemote();
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Hooks.ExitWith(1);
        var skip = new Dictionary<string, string?> { [variable] = "0" };

        var run = Sh(Launcher, ["pre-push", "origin", "url"], skip);
        var push = Repo.Git.TryWith(Repo.Root, skip, null, "push", "--quiet", "origin", "main");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Is.Empty);
        Assert.That(push.ExitCode, Is.Zero, push.ToString());
        Assert.That(Hooks.Calls(), Is.Empty);
    }

    [Test]
    public void Launcher_HooksFolderMissing_WarnsInOneLineAndExitsZero()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Directory.Delete(Hooks.Path, recursive: true);

        var run = Sh(Launcher, ["pre-commit"]);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StandardError, Is.EqualTo("SessionHooks: the hook programs are not set up in this clone; run: session install\n"));
    }

    [Test]
    public void Launcher_HooksFolderNotConfigured_WarnsAndCommitStillSucceeds()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Run("config", "--unset", "sessionhooks.hooksdir");
        File.Delete(HooksFolderFile());

        var commit = Repo.Git.Try(Repo.Root, "commit", "--allow-empty", "-m", "no hooks folder");

        Assert.That(commit.ExitCode, Is.Zero);
        Assert.That(commit.StandardError, Does.Contain("SessionHooks: the hook programs are not set up in this clone; run: session install"));
    }

    [Test]
    public void Launcher_ReadsTheHooksFolderFromTheGitDir_StartingNoGitProcess()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var (bin, calls) = GitThatRecordsCalls();

        var run = Sh(Launcher, ["pre-commit"], new Dictionary<string, string?> { ["PATH"] = bin + ":/usr/bin:/bin" });

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Hooks.Calls().Single().Program, Is.EqualTo("sessionhooks-pre-commit"));
        Assert.That(File.Exists(calls), Is.False, "the launcher started git");
    }

    [Test]
    public void Launcher_InALinkedWorktree_ReadsTheClonesHooksFolder()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Run("add", "-A");
        Repo.Run("commit", "-q", "--no-verify", "-m", "install");
        var worktree = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "linked worktree");
        Repo.Run("worktree", "add", "-q", "-b", "linked", worktree);
        var (bin, calls) = GitThatRecordsCalls();
        var before = Hooks.Calls().Count;

        var run = Repo.Git.Exec(worktree, "sh", [Launcher, "pre-commit"], new Dictionary<string, string?> { ["PATH"] = bin + ":/usr/bin:/bin" });

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Hooks.Calls().Skip(before).Single().Program, Is.EqualTo("sessionhooks-pre-commit"));
        Assert.That(File.Exists(calls), Is.False, "the launcher started git");
    }

    [Test]
    public void Launcher_WithoutTheHooksFolderFile_AsksTheGitConfig()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        File.Delete(HooksFolderFile());

        var run = Sh(Launcher, ["pre-commit"]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Hooks.Calls().Single().Program, Is.EqualTo("sessionhooks-pre-commit"));
    }

    // A fresh clone: the repository's hook lines run (Husky.Net's install set core.hooksPath), SessionHooks is not set up.
    [TestCase("dotnet-tools.json", "dotnet tool restore && dotnet session install")]
    [TestCase(".config/dotnet-tools.json", "dotnet tool restore && dotnet session install")]
    [TestCase("src/App/App.csproj", "dotnet build")]
    [TestCase("Directory.Packages.props", "dotnet build")]
    [TestCase(null, "session install")]
    public void Launcher_NotSetUpInThisClone_NamesTheOneCommandThatSetsItUp(string? file, string command)
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Run("config", "--unset", "sessionhooks.hooksdir");
        File.Delete(HooksFolderFile());
        if (file is not null)
        {
            Repo.Write(file, file.EndsWith(".json", StringComparison.Ordinal)
                ? "{ \"version\": 1, \"isRoot\": true, \"tools\": { \"sessionhooks.cli\": { \"version\": \"0.1.0\", \"commands\": [ \"session\" ] } } }\n"
                : "<Project><ItemGroup><PackageReference Include=\"SessionHooks\" Version=\"0.1.0\" /></ItemGroup></Project>\n");
        }

        var commit = Sh(Launcher, ["pre-commit"]);
        var push = Sh(Launcher, ["pre-push", "origin", "url"], standardInput: "refs/heads/main 1 refs/heads/main 2\n");

        Assert.That(commit.ExitCode, Is.Zero);
        Assert.That(commit.StandardError, Is.EqualTo($"SessionHooks: the hook programs are not set up in this clone; run: {command}\n"));
        Assert.That(push.ExitCode, Is.EqualTo(1), "pre-push fails closed: what this clone committed unchecked would be pushed unchecked");
        Assert.That(push.StandardError, Is.EqualTo(
            $"SessionHooks pre-push: push refused: the hook programs are not set up in this clone; run: {command} (or push without the checks: git push --no-verify)\n"));
    }

    [Test]
    public void Launcher_HostileArgumentsAndStdin_ReachTheProgramUnchanged()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        string[] arguments = ["it's \"quoted\"", "$(touch pwned)", "`touch pwned`", "a; touch pwned", "two  spaces", "ünïcødé 🌿", "line\nbreak", "-n", "", "*"];
        const string stdin = "refs/heads/a'b $(x) refs/heads/ü 0000\nsecond line; touch pwned\n";

        var run = Sh(Launcher, ["pre-push", .. arguments], standardInput: stdin);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var call = Hooks.Calls().Single();
        Assert.That(call.Program, Is.EqualTo("sessionhooks-pre-push"));
        Assert.That(call.Arguments, Is.EqualTo(arguments));
        Assert.That(call.StandardInput, Is.EqualTo(stdin));
        var roots = new[] { Repo.Root, Hooks.Path, Path.GetDirectoryName(Repo.Root)! };
        Assert.That(roots.SelectMany(r => Directory.GetFiles(r, "pwned", SearchOption.AllDirectories)), Is.Empty);
    }

    [Test]
    public void Launcher_ProgramExitStatus_IsTheLaunchersStatus()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Hooks.ExitWith(3);

        Assert.That(Sh(Launcher, ["pre-push", "origin", "url"]).ExitCode, Is.EqualTo(3));
    }

    [Test]
    public void Launcher_OnlyDllsInHooksFolder_RunsThemWithDotnet()
    {
        var dlls = new FakeHooksFolder(Path.Combine(Path.GetDirectoryName(Repo.Root)!, "dll hooks"), asDlls: true);
        var bin = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "dotnet"), "#!/bin/sh\nexec sh \"$@\"\n");
        MakeExecutable(Path.Combine(bin, "dotnet"));
        HookInstaller.Install(Repo.Root, dlls.Path);

        var run = Sh(Launcher, ["post-checkout", "a", "b", "1"], new Dictionary<string, string?> { ["PATH"] = bin + ":/usr/bin:/bin" });

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(dlls.Calls().Single(), Is.EqualTo(new ProgramCall("sessionhooks-post-checkout.dll", ["a", "b", "1"], "")).Using<ProgramCall>(
            (x, y) => x.Program == y.Program && x.Arguments.SequenceEqual(y.Arguments)));
    }

    [Test]
    public void Launcher_MergeDriver_IsNotSkippedAndFailsWhenItCannotRun()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var skip = new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0", ["HUSKY"] = "0" };

        var run = Sh(Launcher, ["merge-driver", "o", "a", "b", ".sessions/worklog.json"], skip);
        Directory.Delete(Hooks.Path, recursive: true);
        var missing = Sh(Launcher, ["merge-driver", "o", "a", "b", ".sessions/worklog.json"]);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(missing.ExitCode, Is.EqualTo(2), "git must see a conflict, not a merge that kept one side");
    }

    private string HooksFolderFile() => Path.Combine(Repo.GitDir(), "sessionhooks", "hooksdir");

    /// <summary>A folder holding a <c>git</c> that records that it was started, and fails.</summary>
    private (string Bin, string Calls) GitThatRecordsCalls()
    {
        var bin = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "git shim");
        Directory.CreateDirectory(bin);
        var calls = Path.Combine(bin, "calls");
        File.WriteAllText(Path.Combine(bin, "git"), $"#!/bin/sh\necho \"$@\" >> '{calls}'\nexit 1\n");
        MakeExecutable(Path.Combine(bin, "git"));
        return (bin, calls);
    }

    [Test]
    public void MergeDriver_GitMergeOfWorklog_RunsTheCliWithGitsFiles()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Commit(".sessions/worklog.json", "{\n  \"entries\": []\n}\n");
        Repo.Run("switch", "--quiet", "-c", "other");
        Repo.Commit(".sessions/worklog.json", "{\n  \"entries\": [\"b\"]\n}\n");
        Repo.Run("switch", "--quiet", "main");
        Repo.Commit(".sessions/worklog.json", "{\n  \"entries\": [\"a\"]\n}\n");
        Directory.CreateDirectory(Repo.Path("sub dir"));

        var merge = Repo.Git.Try(Repo.Path("sub dir"), "merge", "--no-edit", "other");

        Assert.That(merge.ExitCode, Is.Zero, merge.ToString());
        var call = Hooks.Calls().Single(c => c.Program == "session");
        Assert.That(call.Arguments, Has.Count.EqualTo(5));
        Assert.That(call.Arguments[0], Is.EqualTo("merge-driver"));
        Assert.That(call.Arguments[4], Is.EqualTo(".sessions/worklog.json"));
    }
}
