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
