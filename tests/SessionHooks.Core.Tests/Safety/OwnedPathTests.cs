using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Safety;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Safety;

public class OwnedPathTests
{
    private string root = "";
    private string outside = "";

    [SetUp]
    public void CreateFolders()
    {
        var directory = TestDirectory.Create();
        root = Path.Combine(directory, "repo");
        outside = Path.Combine(directory, "outside");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "private.txt"), "OUTSIDE-CONTENT\n");
    }

    [Test]
    public void WriteAtomic_ThenRead_RoundTripsAndLeavesNoTemporaryFile()
    {
        var path = OwnedPath.InWorktree(root, ".sessions/worklog.json");

        path.WriteAtomic("{}\n");

        Assert.That(path.ReadAllText(), Is.EqualTo("{}\n"));
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(root, ".sessions")).Select(Path.GetFileName), Is.EqualTo(new[] { "worklog.json" }));
    }

    [Test]
    public void ReadAllBytes_MissingFileOrFolder_IsNull()
    {
        Assert.That(OwnedPath.InWorktree(root, ".sessions/worklog.json").ReadAllBytes(), Is.Null);
        Assert.That(OwnedPath.InWorktree(root, "missing/deeper/file").ReadAllText(), Is.Null);
    }

    [Test]
    public void ReadAllText_DropsTheByteOrderMark()
    {
        File.WriteAllBytes(Path.Combine(root, ".gitignore"), [.. Encoding.UTF8.Preamble, .. "bin/\n"u8.ToArray()]);

        Assert.That(OwnedPath.InWorktree(root, ".gitignore").ReadAllText(), Is.EqualTo("bin/\n"));
    }

    [TestCase(".sessions")]
    [TestCase(".sessions/worklog.json")]
    public void EveryOperation_ThroughALink_IsRefusedWithOneLocatedLine_AndChangesNothing(string linked)
    {
        var folder = linked == ".sessions";
        if (folder)
        {
            Directory.CreateSymbolicLink(Path.Combine(root, ".sessions"), outside);
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(root, ".sessions"));
            File.CreateSymbolicLink(Path.Combine(root, ".sessions", "worklog.json"), Path.Combine(outside, "private.txt"));
        }

        var path = OwnedPath.InWorktree(root, ".sessions/worklog.json");
        var before = Listing(outside);

        Action[] operations =
        [
            () => path.ReadAllBytes(), () => path.ReadAllText(), () => path.WriteAtomic("{}\n"), () => path.Delete(),
            () => path.Exists(), () => path.Verify(), () => path.Sibling("ai_sessions.json").WriteAtomic("{}\n"),
        ];
        foreach (var operation in folder ? operations : operations[..^1])
        {
            var refused = Assert.Throws<SessionHooksException>(() => operation())!;
            Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5007"));
            Assert.That(refused.Diagnostic.File, Is.EqualTo(linked));
            Assert.That(refused.Diagnostic.Render(), Does.Not.Contain("\n"));
            Assert.That(refused.Diagnostic.Render(), Does.Contain("symbolic link").And.Contain("(fix: "));
        }

        Assert.That(Listing(outside), Is.EqualTo(before), "nothing outside was written or deleted");
    }

    [Test]
    public void DanglingLink_IsRefusedToo()
    {
        Directory.CreateDirectory(Path.Combine(root, ".husky"));
        File.CreateSymbolicLink(Path.Combine(root, ".husky", "pre-commit"), Path.Combine(outside, "does-not-exist-yet"));

        var refused = Assert.Throws<SessionHooksException>(() => OwnedPath.InWorktree(root, ".husky/pre-commit").WriteAtomic("#!/bin/sh\n"))!;

        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5007"));
        Assert.That(File.Exists(Path.Combine(outside, "does-not-exist-yet")), Is.False);
    }

    [Test]
    public void LinkInTheGitDir_IsRefused()
    {
        var gitDir = Path.Combine(root, ".git");
        Directory.CreateDirectory(gitDir);
        Directory.CreateSymbolicLink(Path.Combine(gitDir, "sessionhooks"), outside);

        var refused = Assert.Throws<SessionHooksException>(() => OwnedPath.InGitDir(gitDir, "sessionhooks/logs").CreateDirectory())!;

        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5007"));
        Assert.That(Directory.Exists(Path.Combine(outside, "logs")), Is.False);
    }

    [TestCase("../outside/private.txt")]
    [TestCase(".sessions/../../outside/private.txt")]
    [TestCase("/etc/passwd")]
    [TestCase("")]
    [TestCase(".")]
    public void PathThatLeavesTheRoot_IsRefused(string relative)
    {
        var refused = Assert.Throws<SessionHooksException>(() => OwnedPath.InWorktree(root, relative))!;

        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5008"));
    }

    [Test]
    public void Locate_PicksTheGitDirOrTheWorktree_AndRefusesAnythingElse()
    {
        var gitDir = Path.Combine(root, ".git");

        Assert.That(OwnedPath.Locate(Path.Combine(gitDir, "hooks", "pre-commit"), root, gitDir).UnderGitDir, Is.True);
        Assert.That(OwnedPath.Locate(Path.Combine(root, ".husky", "pre-commit"), root, gitDir).RelativePath, Is.EqualTo(".husky/pre-commit"));
        var refused = Assert.Throws<SessionHooksException>(() => OwnedPath.Locate(Path.Combine(outside, "pre-commit"), root, gitDir))!;
        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH5008"));
    }

    [Test]
    public void ReadAllBytes_OfAFifo_ReturnsNothingWithoutWaitingForAWriter()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("no FIFOs on Windows");
        }

        Directory.CreateDirectory(Path.Combine(root, ".sessions"));
        var fifo = Path.Combine(root, ".sessions", "worklog.json");
        GitRunner.Check(ProcessRunner.Run("mkfifo", [fifo], root));

        var read = Task.Run(() => OwnedPath.InWorktree(root, ".sessions/worklog.json").ReadAllBytes());

        Assert.That(read.Wait(TimeSpan.FromSeconds(10)), Is.True, "the read returned");
        Assert.That(read.Result, Is.Empty);
    }

    private static string Listing(string folder) =>
        string.Join("\n", Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {(File.Exists(f) ? Convert.ToBase64String(File.ReadAllBytes(f)) : "dir")}"));
}
