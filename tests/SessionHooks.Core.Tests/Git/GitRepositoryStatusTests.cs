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

    /// <summary>Those of the asked paths that <c>git status --porcelain</c> lists, or lists something under.</summary>
    private static List<string> WhatGitStatusReports(TempRepository repo, string[] paths)
    {
        var reported = GitAnswers.StatusPaths(repo.Run(["status", "--porcelain", "-z", "-uall", "--", .. paths.Select(p => ":(literal)" + p)]));
        return paths.Where(p => reported.Exists(r => r == p || r.StartsWith(p + "/", StringComparison.Ordinal))).ToList();
    }
}
