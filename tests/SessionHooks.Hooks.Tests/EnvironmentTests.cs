namespace SessionHooks.Hooks.Tests;

public class EnvironmentTests
{
    [TestCase("SESSIONHOOKS")]
    [TestCase("HUSKY")]
    public void SkipVariable_SkipsEveryHook(string variable)
    {
        var repo = HookedRepository.Create(variable);
        var skip = new Dictionary<string, string?> { [variable] = "0" };
        var before = repo.Entries().Count;
        var session = repo.CurrentSessionId();

        Assert.That(repo.TryWith(skip, "checkout", "-q", "-b", "feature/skip").ExitCode, Is.Zero);
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(session), "post-checkout skipped");
        repo.Repo.Write("s.txt", "s\n");
        repo.Run("add", "s.txt");
        Assert.That(repo.TryWith(skip, "commit", "-q", "-m", "skipped").ExitCode, Is.Zero);
        Assert.That(repo.Entries(), Has.Count.EqualTo(before), "pre-commit skipped");
        Assert.That(repo.TryWith(skip, "push", "-q", "origin", "feature/skip").ExitCode, Is.Zero, "pre-push skipped");
    }

    [Test]
    public void LinkedWorktree_KeepsItsOwnCurrentSession()
    {
        var repo = HookedRepository.Create();
        var other = Path.Combine(Path.GetDirectoryName(repo.Root)!, "wt");

        repo.Run("worktree", "add", "-q", "-b", "feature/wt", other);

        var mainSession = repo.CurrentSessionId();
        var worktreeSession = repo.CurrentSessionId(other);
        Assert.That(worktreeSession, Is.Not.EqualTo(mainSession));
        Assert.That((string?)repo.CurrentSession(other)["metadata"]!["environment"]!["branch"], Is.EqualTo("feature/wt"));

        var worktree = repo.Repo.Sibling(other);
        worktree.Commit("w.txt", "w\n", "in the worktree");
        var entry = HookedRepository.ReadJson(other, ".sessions/worklog.json")["entries"]!.AsArray()[^1]!;
        Assert.That((string?)entry["branch"], Is.EqualTo("feature/wt"));
        Assert.That(HookedRepository.Paths(entry), Is.EquivalentTo(new[] { "w.txt" }));
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(mainSession), "the main worktree is untouched");
    }

    [Test]
    public void Rebase_KeepsEveryCommitLogged()
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Run("checkout", "-q", "-b", "feature/r");
        repo.Repo.Commit("r.txt", "r\n");
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");
        repo.Run("checkout", "-q", "feature/r");

        var rebase = repo.Try("rebase", "main");
        if (rebase.ExitCode != 0)
        {
            // Both sides appended to the session files: the recover rules settle it.
            Assert.That(repo.Session("recover", "--no-commit").ExitCode, Is.Zero);
            repo.Run("add", ".sessions");
            Assert.That(repo.TryWith(new Dictionary<string, string?> { ["GIT_EDITOR"] = "true" }, "rebase", "--continue").ExitCode, Is.Zero);
        }

        Assert.That(repo.Try("push", "-q", "origin", "feature/r").ExitCode, Is.Zero);
        Assert.That((string?)repo.CurrentSession()["metadata"]!["environment"]!["branch"], Is.EqualTo("feature/r"));
    }

    [Test]
    public void HostileBranchName_RunsNoCommand()
    {
        var repo = HookedRepository.Create();
        // git refuses the space of "$(touch pwned)"; ${IFS} is the shell's way around it.
        const string branch = "we\"ird$(touch${IFS}pwned);x`touch${IFS}pwned`'ü";

        repo.Run("checkout", "-q", "-b", branch);
        repo.Repo.Commit("h.txt", "h\n");
        var push = repo.Try("push", "-q", "origin", branch);

        Assert.That(push.ExitCode, Is.Zero, push.ToString());
        Assert.That((string?)repo.CurrentSession()["metadata"]!["environment"]!["branch"], Is.EqualTo(branch));
        Assert.That((string?)repo.Entries()[^1]!["branch"], Is.EqualTo(branch));
        var root = Path.GetDirectoryName(repo.Root)!;
        Assert.That(Directory.EnumerateFiles(root, "pwned", SearchOption.AllDirectories), Is.Empty);
        Assert.That(File.Exists(Path.Combine(Environment.CurrentDirectory, "pwned")), Is.False);
    }
}
