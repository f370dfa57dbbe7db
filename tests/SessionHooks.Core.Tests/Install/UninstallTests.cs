using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

public class UninstallTests : InstallFixture
{
    [Test]
    public void Uninstall_AfterFreshInstall_RestoresTheRepositoryAndItsConfig()
    {
        var files = Snapshot();
        var config = LocalConfig();
        HookInstaller.Install(Repo.Root, Hooks.Path);

        var result = HookInstaller.Uninstall(Repo.Root);

        Assert.That(result.Changes, Has.Some.EqualTo("deleted .husky/pre-commit (nothing else was in it)"));
        Assert.That(Snapshot(), Is.EqualTo(files));
        Assert.That(LocalConfig(), Is.EqualTo(config));
        Assert.That(Directory.Exists(Repo.Path(".husky")), Is.False);
    }

    [Test]
    public void Uninstall_KeepsTheUsersHookLinesTasksAttributesAndIgnoreLinesByteForByte()
    {
        Repo.Write(".husky/pre-commit", "#!/bin/sh\r\necho lint\r\n");
        // Husky.Net's own layout (three-space indent), which a rewrite keeps.
        Repo.Write(".husky/task-runner.json", "{\n   \"tasks\": [\n      {\n         \"name\": \"lint\",\n         \"command\": \"echo\",\n         \"args\": [\n            \"${staged}\"\n         ]\n      }\n   ]\n}\n");
        Repo.Write(".gitattributes", "*.png binary\n");
        Repo.Write(".gitignore", "bin/\n.sessions/current_session.json\n");
        Repo.Run("config", "core.hooksPath", ".husky");
        MakeExecutable(Repo.Path(".husky/pre-commit"));
        var files = Snapshot();
        var config = LocalConfig();

        HookInstaller.Install(Repo.Root, Hooks.Path);
        Assert.That(Repo.Read(".husky/pre-commit"), Does.Contain("\r\n" + HookScript.Line("pre-commit", besideLauncher: true) + "\r\n"));
        Assert.That(Repo.Read(".husky/task-runner.json"), Does.StartWith("{\n   \"tasks\": [\n      {\n         \"name\": \"lint\","));
        HookInstaller.Uninstall(Repo.Root);

        Assert.That(Snapshot(), Is.EqualTo(files));
        Assert.That(LocalConfig(), Is.EqualTo(config), "core.hooksPath was the user's, so it stays");
    }

    [Test]
    public void Uninstall_AfterFreshInstall_LeavesNoStateInTheGitDir()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        var file = Path.Combine(Repo.GitDir(), "sessionhooks", "hooksdir");
        Assert.That(file, Does.Exist);

        HookInstaller.Uninstall(Repo.Root);

        Assert.That(file, Does.Not.Exist);
    }

    [Test]
    public void Uninstall_WhereHuskyNetIsSetUp_KeepsCoreHooksPathAndATaskRunnerFile()
    {
        // 'session install' first (it sets core.hooksPath and writes task-runner.json), then what
        // 'dotnet husky install' adds: _/husky.sh, and the same core.hooksPath.
        HookInstaller.Install(Repo.Root, Hooks.Path);
        Repo.Write(".husky/_/husky.sh", "#!/bin/sh\n# Husky.Net\n");
        Repo.Write(".husky/_/.gitignore", "*");
        var husky = Snapshot().Where(f => f.Key.StartsWith(Path.Combine(".husky", "_"), StringComparison.Ordinal)).ToList();

        var result = HookInstaller.Uninstall(Repo.Root);

        Assert.That(Repo.Run("config", "--get", "core.hooksPath").Trim(), Is.EqualTo(".husky"));
        Assert.That(result.Notes, Has.Some.EqualTo("kept core.hooksPath = .husky: Husky.Net is set up there (.husky/_)"));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(Repo.Read(".husky/task-runner.json"))!["tasks"]!.AsArray(), Is.Empty,
            "Husky.Net's task runner stops when its file is missing");
        Assert.That(Snapshot().Where(f => f.Key.StartsWith(Path.Combine(".husky", "_"), StringComparison.Ordinal)), Is.EqualTo(husky));
        Assert.That(Repo.Try("config", "--get", "sessionhooks.sethookspath").ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Uninstall_WhereAHookFileKeepsLinesOfTheUsers_KeepsCoreHooksPath()
    {
        HookInstaller.Install(Repo.Root, Hooks.Path);
        File.AppendAllText(Repo.Path(".husky/pre-commit"), "dotnet format --verify-no-changes\n");

        HookInstaller.Uninstall(Repo.Root);

        Assert.That(Repo.Run("config", "--get", "core.hooksPath").Trim(), Is.EqualTo(".husky"));
        Assert.That(Repo.Read(".husky/pre-commit"), Does.Contain("dotnet format").And.Not.Contain(HookScript.Marker));
        Assert.That(Repo.Path(".husky/task-runner.json"), Does.Not.Exist, "no hook runs the task runner: the file SessionHooks made goes");
    }

    [Test]
    public void Uninstall_UserHooksInGitHooksFolder_RestoresThemExactly()
    {
        var userHook = Path.Combine(Repo.GitDir(), "hooks", "pre-commit");
        File.WriteAllText(userHook, "#!/bin/sh\necho mine\n");
        MakeExecutable(userHook);
        HookInstaller.Install(Repo.Root, Hooks.Path);

        HookInstaller.Uninstall(Repo.Root);

        Assert.That(File.ReadAllText(userHook), Is.EqualTo("#!/bin/sh\necho mine\n"));
        Assert.That(File.Exists(Path.Combine(Repo.GitDir(), "hooks", "pre-push")), Is.False);
    }

    [Test]
    public void Inspect_ReportsNotInstalledInstalledOutdatedAndAMissingHooksFolder()
    {
        Assert.That(HookInstaller.Inspect(Repo.Root).Installed, Is.False);

        HookInstaller.Install(Repo.Root, Hooks.Path);
        var fresh = HookInstaller.Inspect(Repo.Root);
        File.Delete(Repo.Path(".husky/pre-push"));
        var outdated = HookInstaller.Inspect(Repo.Root);
        Directory.Delete(Hooks.Path, recursive: true);
        var folderGone = HookInstaller.Inspect(Repo.Root);

        Assert.That(fresh, Is.EqualTo(new InstallStatus(true, false, true, Hooks.Path, fresh.PendingChanges)));
        Assert.That(fresh.PendingChanges, Is.Empty);
        Assert.That(outdated.Outdated, Is.True);
        Assert.That(outdated.PendingChanges, Is.EqualTo(new[] { "created .husky/pre-push" }));
        Assert.That(folderGone.HooksFolderPresent, Is.False);
        Assert.That(File.Exists(Repo.Path(".husky/pre-push")), Is.False, "inspecting changes nothing");
    }
}
