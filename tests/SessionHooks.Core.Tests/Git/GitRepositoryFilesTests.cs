using SessionHooks.Git;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitRepositoryFilesTests
{
    [TestCase("HEAD", ".sessions/worklog.json")]
    [TestCase("HEAD~1", ".sessions/worklog.json")]
    [TestCase("main", "ünïcødé dir/it's \"x\".json")]
    public void ReadFileAtCommit_GivesTheTextAndBlobGitShowGives(string commitish, string path)
    {
        var repo = TempRepository.Create();
        repo.Write("ünïcødé dir/it's \"x\".json", "{ \"ü\": \"€\" }\n").Run("add", "--", "ünïcødé dir/it's \"x\".json");
        repo.CommitAt(".sessions/worklog.json", "{ \"entries\": [] }\n");
        repo.CommitAt(".sessions/worklog.json", "{ \"entries\": [ 1 ] }\n");

        using var git = repo.OpenClean();

        Assert.That(git.ReadFileAtCommit(commitish, path), Is.EqualTo(repo.Run("show", $"{commitish}:{path}")));
        Assert.That(git.BlobIdAtCommit(commitish, path), Is.EqualTo(repo.Run("rev-parse", $"{commitish}:{path}").Trim()));
        Assert.That(git.ReadBlobAtCommit(commitish, path), Is.EqualTo((repo.Run("rev-parse", $"{commitish}:{path}").Trim(), repo.Run("show", $"{commitish}:{path}"))));
    }

    [TestCase("HEAD", "missing.json")]
    [TestCase("HEAD", ".sessions")]
    [TestCase("HEAD", "../outside")]
    [TestCase("no-such-ref", "a.txt")]
    public void ReadFileAtCommit_ForWhatIsNotAFileThere_IsNull(string commitish, string path)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.CommitAt(".sessions/worklog.json", "{}\n");

        using var git = repo.OpenClean();

        Assert.That(repo.Try("cat-file", "blob", $"{commitish}:{path}").ExitCode, Is.Not.Zero, "git has no such blob either");
        Assert.That(git.ReadFileAtCommit(commitish, path), Is.Null);
        Assert.That(git.BlobIdAtCommit(commitish, path), Is.Null);
    }

    [Test]
    public void ReadFileAtCommit_OfFilesLargerThanAPipeBuffer_GivesEachWhole()
    {
        var repo = TempRepository.Create();
        var large = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"{i} ü €\n"));
        repo.CommitAt("large.txt", large);
        repo.CommitAt("small.txt", "small\n");
        repo.CommitAt("large.txt", large + "more\n");

        using var git = repo.OpenClean();

        Assert.That(git.ReadFileAtCommit("HEAD~1", "large.txt"), Is.EqualTo(large));
        Assert.That(git.ReadFileAtCommit("HEAD", "small.txt"), Is.EqualTo("small\n"));
        Assert.That(git.ReadFileAtCommit("HEAD", "large.txt"), Is.EqualTo(repo.Run("show", "HEAD:large.txt")));
        Assert.That(git.ReadFileAtCommit("HEAD~1", "large.txt"), Is.EqualTo(large), "asked again");
    }

    [TestCase("-h", "a.txt")]
    [TestCase("HEAD\nHEAD", "a.txt")]
    [TestCase("HEAD:a.txt", "a.txt")]
    [TestCase("HEAD", "./a.txt")]
    [TestCase("HEAD", "dir/../a.txt")]
    [TestCase("HEAD", "/a.txt")]
    [TestCase("HEAD", "a.txt\n")]
    [TestCase("HEAD", "")]
    public void ReadFileAtCommit_OfANameNoTreeHolds_IsNull_AndTheNextReadStillWorks(string commitish, string path)
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.txt", "a\n");
        repo.CommitAt("dir/b.txt", "b\n");

        // git would read "HEAD:a.txt" + ":a.txt" as this file.
        repo.CommitAt("a.txt:a.txt", "not a.txt\n");

        using var git = repo.OpenClean();

        Assert.That(git.ReadFileAtCommit(commitish, path), Is.Null);
        Assert.That(git.BlobIdAtCommit(commitish, path), Is.Null);
        Assert.That(git.ReadBlobAtCommit(commitish, path), Is.Null);
        Assert.That(git.ReadFileAtCommit("HEAD", "a.txt"), Is.EqualTo("a\n"));
    }

    [Test]
    public void IndexBlobIds_AfterStaging_ReadsWhatWasStaged()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.json", "committed\n");

        using var git = repo.OpenClean();
        Assert.That(FromIndex(git, "a.json"), Is.EqualTo("committed\n"));
        repo.Write("a.json", "staged by the hook\n");
        git.Stage(["a.json"]);

        Assert.That(FromIndex(git, "a.json"), Is.EqualTo("staged by the hook\n").And.EqualTo(repo.Run("show", ":a.json")));
    }

    [Test]
    public void ReadFileAtCommit_KeepsAByteOrderMarkForTheParserToReport()
    {
        var repo = TempRepository.Create();
        File.WriteAllBytes(repo.Path("bom.json"), [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}', (byte)'\n']);
        repo.Run("add", "bom.json");
        repo.CommitStaged("bom");

        using var git = repo.OpenClean();

        Assert.That(git.ReadFileAtCommit("HEAD", "bom.json"), Is.EqualTo("\uFEFF{}\n"));
    }

    [Test]
    public void IndexBlobIds_ReadsTheIndexBeingCommittedAsGitShowColonDoes()
    {
        var repo = TempRepository.Create();
        repo.CommitAt("a.json", "committed\n");
        repo.Write("a.json", "staged\n").Run("add", "a.json");
        repo.Write("a.json", "in the worktree only\n");
        var temporary = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = repo.Path("tmp-index") };
        repo.RunWith(temporary, "read-tree", "HEAD");

        using var own = repo.OpenClean();
        using var other = repo.OpenClean(indexPath: temporary["GIT_INDEX_FILE"]);

        Assert.That(FromIndex(own, "a.json"), Is.EqualTo(repo.Run("show", ":a.json")).And.EqualTo("staged\n"));
        Assert.That(FromIndex(other, "a.json"), Is.EqualTo(repo.RunWith(temporary, "show", ":a.json")).And.EqualTo("committed\n"));
        Assert.That(FromIndex(own, "not-there.json"), Is.Null);
    }

    /// <summary>A path's text in the index, as pre-commit reads a staged record file.</summary>
    private static string? FromIndex(GitRepository git, string path) =>
        git.IndexBlobIds([path]).GetValueOrDefault(path) is { } id ? git.ReadBlob(id) : null;
}
