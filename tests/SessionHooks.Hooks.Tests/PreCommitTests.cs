using System.Text.Json.Nodes;

namespace SessionHooks.Hooks.Tests;

public class PreCommitTests
{
    [Test]
    public void Commit_AddsOneEntryWithExactlyTheStagedFiles_AndRegistersTheSession()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        var session = repo.CurrentSessionId();
        repo.Repo.Write("src/a.cs", "class A {}\n").Write("src/b.cs", "class B {}\n").Write("notes.txt", "not staged\n");
        repo.Run("add", "src/a.cs", "src/b.cs");
        var entriesBefore = repo.Entries().Count;
        var parent = repo.Repo.Head();

        repo.Run("commit", "-q", "-m", "two files");

        var entries = repo.Entries();
        Assert.That(entries, Has.Count.EqualTo(entriesBefore + 1));
        var entry = entries[^1]!;
        Assert.That((string?)entry["kind"], Is.EqualTo("commit"));
        Assert.That((string?)entry["branch"], Is.EqualTo("feature/a"));
        Assert.That((string?)entry["parent"], Is.EqualTo(parent));
        Assert.That((string?)entry["session"], Is.EqualTo(session));
        Assert.That(HookedRepository.Paths(entry), Is.EquivalentTo(new[] { "src/a.cs", "src/b.cs" }));
        Assert.That(entry["files"]!.AsArray().Select(f => (string?)f!["change"]), Is.All.EqualTo("added"));
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["id"]), Does.Contain(session));

        var committed = repo.Run("show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(committed, Is.EquivalentTo(new[] { ".sessions/ai_sessions.json", ".sessions/worklog.json", "src/a.cs", "src/b.cs" }));
        Assert.That(repo.TrackedChanges(), Is.Empty);
        Assert.That(repo.Run("status", "--porcelain"), Does.Contain("?? notes.txt"), "unstaged files stay unstaged");
    }

    [TestCase("-a")]
    [TestCase("path")]
    [TestCase("--only")]
    public void CommitVariants_EachGiveOneCorrectEntry(string variant)
    {
        var repo = HookedRepository.Create(variant.Trim('-'));
        repo.Repo.Write("x.txt", "x\n").Write("y.txt", "y\n");
        repo.Run("add", "x.txt", "y.txt");
        repo.Run("commit", "-q", "-m", "x and y");
        repo.Repo.Write("x.txt", "x2\n").Write("y.txt", "y2\n");
        if (variant != "-a")
        {
            repo.Run("add", "y.txt");
        }

        var before = repo.Entries().Count;
        string[] arguments = variant switch
        {
            "-a" => ["commit", "-q", "-a", "-m", "all"],
            "path" => ["commit", "-q", "-m", "path", "x.txt"],
            _ => ["commit", "-q", "--only", "-m", "only", "x.txt"],
        };
        repo.Run(arguments);

        var entries = repo.Entries();
        Assert.That(entries, Has.Count.EqualTo(before + 1));
        var expected = variant == "-a" ? new[] { "x.txt", "y.txt" } : ["x.txt"];
        Assert.That(HookedRepository.Paths(entries[^1]!), Is.EquivalentTo(expected));
        var committed = repo.Run("show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // ai_sessions.json is in the commit only when the session's last_updated moved (whole seconds).
        Assert.That(committed, Is.SupersetOf(expected.Append(".sessions/worklog.json")));
        Assert.That(committed, Is.SubsetOf(expected.Concat([".sessions/ai_sessions.json", ".sessions/worklog.json"])));
        Assert.That(repo.Run("diff", "--cached", "--name-only", "--", ".sessions").Trim(), Is.Empty, "the real index matches the commit");
        Assert.That(repo.Run("diff", "--name-only", "--", ".sessions").Trim(), Is.Empty, "the working tree matches the commit");
    }

    [Test]
    public void Amend_LeavesOneEntryForTheAmendedCommit()
    {
        var repo = HookedRepository.Create();
        repo.Repo.Commit("a.txt", "a\n", "add a");
        var count = repo.Entries().Count;
        repo.Repo.Write("b.txt", "b\n");
        repo.Run("add", "b.txt");

        repo.Run("commit", "-q", "--amend", "-m", "add a and b");

        var entries = repo.Entries();
        Assert.That(entries, Has.Count.EqualTo(count));
        Assert.That(HookedRepository.Paths(entries[^1]!), Is.EquivalentTo(new[] { "a.txt", "b.txt" }));
        Assert.That((string?)entries[^1]!["parent"], Is.EqualTo(repo.Run("rev-parse", "HEAD~1").Trim()));
    }

    [Test]
    public void BrokenAiSessions_StagedByHand_IsRefusedWithLocatedErrors()
    {
        var repo = HookedRepository.Create();
        var path = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        var broken = File.ReadAllText(path).Replace("\"status\": \"active\"", "\"status\": \"finished\"", StringComparison.Ordinal);
        File.WriteAllText(path, broken);
        repo.Run("add", ".sessions/ai_sessions.json");

        var result = repo.Try("commit", "-q", "-m", "hand edit");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Match(@"\.sessions/ai_sessions\.json\(\d+,\d+\): error SH2\d{3}: "));
        Assert.That(result.StandardError, Does.Not.Contain("   at "));
        Assert.That(File.ReadAllText(path), Is.EqualTo(broken), "nothing the user wrote is lost");
    }

    [Test]
    public void AutomaticMerge_LeavesNothingStaged_AndKeepsBothSidesEntries()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        var featureIds = repo.Entries().Select(e => (string?)e!["id"]).ToList();
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");

        repo.Run("merge", "--no-ff", "-q", "-m", "merge feature/a", "feature/a");

        Assert.That(repo.TrackedChanges(), Is.Empty);
        Assert.That(repo.Entries().Select(e => (string?)e!["id"]), Is.SupersetOf(featureIds), "the merge driver kept feature/a's entries");
        var validate = repo.Session("validate");
        Assert.That(validate.ExitCode, Is.Zero, validate.Output);
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);
    }

    [Test]
    public void MergeConcludedByCommit_GetsAMergeEntry()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("c.txt", "feature\n");
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("c.txt", "main\n");

        Assert.That(repo.Try("merge", "-q", "feature/a").ExitCode, Is.Not.Zero, "c.txt conflicts");
        repo.Repo.Write("c.txt", "both\n");
        repo.Run("add", "c.txt");
        repo.Run("commit", "-q", "--no-edit");

        var entry = repo.Entries()[^1]!;
        Assert.That((string?)entry["kind"], Is.EqualTo("merge"));
        Assert.That(((JsonArray)entry["merged"]!).Select(m => (string?)m), Is.EquivalentTo(new[] { repo.Run("rev-parse", "feature/a").Trim() }));
        Assert.That(HookedRepository.Paths(entry), Does.Contain("c.txt"));
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }
}
