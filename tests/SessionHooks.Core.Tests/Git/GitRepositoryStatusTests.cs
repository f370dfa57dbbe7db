using System.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryStatusTests
{
    private static readonly string[] Asked =
    [
        "clean.json", "edited.json", "staged.json", "deleted.json", "untracked.json", "ignored.json", "never-existed.json", "dir", "it's $(x).json", "star*.json",
    ];

    [Test]
    public void PathsChangedSinceHead_AreThoseGitStatusPorcelainReports()
    {
        var repo = TempRepository.Create();
        repo.Write(".gitignore", "ignored.json\n");
        foreach (var name in new[] { "clean.json", "edited.json", "staged.json", "deleted.json", "dir/inner.json", "star*.json", "starry.json" })
        {
            repo.Write(name, "{}\n");
        }

        repo.Run("add", ".");
        repo.CommitStaged("first");
        repo.Write("edited.json", "{ \"a\": 1 }\n").Write("staged.json", "{ \"b\": 2 }\n").Run("add", "staged.json");
        File.Delete(repo.Path("deleted.json"));
        repo.Write("untracked.json", "{}\n").Write("ignored.json", "{}\n").Write("dir/inner.json", "{ \"c\": 3 }\n").Write("it's $(x).json", "{}\n");

        // Only starry.json changed: "star*.json" is a name here, not a pattern that matches it.
        repo.Write("starry.json", "{ \"d\": 4 }\n");

        using var git = repo.OpenClean();
        var changed = git.PathsChangedSinceHead(Asked);

        Assert.That(changed, Is.EqualTo(WhatGitStatusReports(repo, Asked)));
        Assert.That(changed, Is.EqualTo(new[] { "edited.json", "staged.json", "deleted.json", "untracked.json", "dir", "it's $(x).json" }));
    }

    [Test]
    public void PathsChangedSinceHead_OnAnUnbornBranch_CountsEverythingPresent()
    {
        var repo = TempRepository.Create();
        repo.Write("staged.json", "{}\n").Run("add", "staged.json");
        repo.Write("untracked.json", "{}\n");

        using var git = repo.OpenClean();

        Assert.That(git.PathsChangedSinceHead(Asked), Is.EqualTo(WhatGitStatusReports(repo, Asked)));
        Assert.That(git.PathsChangedSinceHead(Asked), Is.EqualTo(new[] { "staged.json", "untracked.json" }));
        Assert.That(git.PathsChangedSinceHead([]), Is.Empty);
    }

    [Test]
    public void PathsChangedSinceHead_WhenTheWorktreeLooksChangedButGitSaysNot_AreThoseGitStatusReports()
    {
        // Each of these differs from HEAD byte for byte or by name, and git still calls it unchanged:
        // an ignored file in a folder, line endings converted on checkout, an empty folder.
        var repo = TempRepository.Create();
        repo.Run("config", "core.autocrlf", "true");
        repo.Write(".gitignore", "*.tmp\n").Write("folder/a.json", "{}\n").Write("folder/deep/b.json", "{}\n").Write("crlf.json", "{\r\n}\r\n");
        repo.Run("add", ".");
        repo.CommitStaged("first");
        repo.Write("folder/notes.tmp", "scratch\n");
        Directory.CreateDirectory(repo.Path("folder/empty"));
        string[] asked = ["folder", "crlf.json", "folder/deep"];

        using var git = repo.OpenClean();

        Assert.That(WhatGitStatusReports(repo, asked), Is.Empty);
        Assert.That(git.PathsChangedSinceHead(asked), Is.Empty);
    }

    [Test]
    public void PathsChangedSinceHead_ForFoldersOfManyFiles_FindTheOneThatChangedAddedOrWentAway()
    {
        var repo = TempRepository.Create();
        for (var i = 0; i < 50; i++)
        {
            repo.Write($"edited/{i}.json", $"{{ \"n\": {i} }}\n").Write($"added/{i}.json", "{}\n").Write($"removed/{i}.json", "{}\n").Write($"same/{i}.json", "{}\n");
        }

        repo.Run("add", ".");
        repo.CommitStaged("first");
        repo.Write("edited/17.json", "{ \"n\": 1700 }\n").Write("added/new.json", "{}\n");
        File.Delete(repo.Path("removed/33.json"));
        string[] asked = ["edited", "added", "removed", "same"];

        using var git = repo.OpenClean();

        Assert.That(git.PathsChangedSinceHead(asked), Is.EqualTo(WhatGitStatusReports(repo, asked)));
        Assert.That(git.PathsChangedSinceHead(asked), Is.EqualTo(new[] { "edited", "added", "removed" }));
    }

    [Test]
    public void PathsChangedSinceHead_ThroughSymbolicLinksAndFifos_AreThoseGitStatusReports_AndReadNothingBehindThem()
    {
        var outside = Path.Combine(Path.GetTempPath(), "sessionhooks-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "a.json"), "{}\n");
        var repo = TempRepository.Create();
        repo.Write("linked/a.json", "{}\n").Write("file.json", "{}\n").Write("pipe.json", "{}\n");
        repo.Run("add", ".");
        repo.CommitStaged("first");
        Directory.Delete(repo.Path("linked"), recursive: true);
        Directory.CreateSymbolicLink(repo.Path("linked"), outside);
        File.Delete(repo.Path("file.json"));
        File.CreateSymbolicLink(repo.Path("file.json"), Path.Combine(outside, "a.json"));
        File.Delete(repo.Path("pipe.json"));
        Assert.That(Process.Start("mkfifo", [repo.Path("pipe.json")]).WaitForExit(10_000), Is.True);
        string[] asked = ["linked", "file.json", "pipe.json"];

        using var git = repo.OpenClean();

        Assert.That(git.PathsChangedSinceHead(asked), Is.EqualTo(WhatGitStatusReports(repo, asked)));
        Assert.That(git.WorktreeBlobIfAt(git.Head.CommitId!, "file.json")?.Bytes, Is.Null);
        Assert.That(git.WorktreeBlobIfAt(git.Head.CommitId!, "pipe.json")?.Bytes, Is.Null);
    }

    [Test]
    public void WorktreeBlobIfAt_IsTheWorktreeFile_OnlyWhenItIsExactlyTheCommitsBlob()
    {
        var repo = TempRepository.Create();
        var first = repo.CommitAt("a.json", "{ \"v\": 1 }\n");
        var second = repo.CommitAt("a.json", "{ \"v\": 2 }\n");

        using var git = repo.OpenClean();

        Assert.That(git.WorktreeBlobIfAt(second, "a.json")?.Bytes, Is.EqualTo(File.ReadAllBytes(repo.Path("a.json"))));
        Assert.That(git.WorktreeBlobIfAt(second, "a.json")?.Id, Is.EqualTo(repo.Run("rev-parse", $"{second}:a.json").Trim()));
        Assert.That(git.WorktreeBlobIfAt(first, "a.json")?.Bytes, Is.Null);
        Assert.That(git.WorktreeBlobIfAt(second, "missing.json")?.Bytes, Is.Null);
        repo.Write("a.json", "{ \"v\": 3 }\n");
        Assert.That(git.WorktreeBlobIfAt(second, "a.json")?.Bytes, Is.Null);
    }

    [Test]
    public void PathsChangedSinceHead_AfterTheFileWasHashed_SeesItWrittenAgain_OrReplacedUnderItsOldTime()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.json", "{ \"v\": 1 }\n");
        var full = repo.Path("a.json");

        using var git = repo.OpenClean();
        Assert.That(git.WorktreeBlobIfAt("HEAD", "a.json"), Is.Not.Null, "hashed once, and remembered");
        Assert.That(git.PathsChangedSinceHead(["a.json"]), Is.Empty);

        // The same size, written again in place: a new write time.
        Thread.Sleep(20);
        File.WriteAllText(full, "{ \"v\": 2 }\n");
        Assert.That(git.PathsChangedSinceHead(["a.json"]), Is.EqualTo(new[] { "a.json" }));

        // Put back, hashed again; then a file of the same size renamed over it with the old write time, as a checkout or an atomic write replaces it.
        var written = File.GetLastWriteTimeUtc(full);
        File.WriteAllText(full, "{ \"v\": 1 }\n");
        File.SetLastWriteTimeUtc(full, written);
        Assert.That(git.PathsChangedSinceHead(["a.json"]), Is.Empty);
        Thread.Sleep(20);
        File.WriteAllText(full + ".new", "{ \"v\": 3 }\n");
        File.SetLastWriteTimeUtc(full + ".new", written);
        File.Move(full + ".new", full, overwrite: true);
        Assert.That(git.PathsChangedSinceHead(["a.json"]), Is.EqualTo(WhatGitStatusReports(repo, ["a.json"])).And.EqualTo(new[] { "a.json" }));
    }

    /// <summary>Those of the asked paths that <c>git status --porcelain</c> lists, or lists something under.</summary>
    private static List<string> WhatGitStatusReports(TempRepository repo, string[] paths)
    {
        var reported = GitAnswers.StatusPaths(repo.Run(["status", "--porcelain", "-z", "-uall", "--", .. paths.Select(p => ":(literal)" + p)]));
        return paths.Where(p => reported.Exists(r => r == p || r.StartsWith(p + "/", StringComparison.Ordinal))).ToList();
    }
}
