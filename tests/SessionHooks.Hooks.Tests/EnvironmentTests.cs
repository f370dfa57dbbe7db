namespace SessionHooks.Hooks.Tests;

public class EnvironmentTests
{
    [TestCase("SESSIONHOOKS")]
    [TestCase("HUSKY")]
    public void SkipVariable_SkipsEveryHook(string variable)
    {
        var repo = HookedRepository.Create(variable);
        var skip = new Dictionary<string, string?> { [variable] = "0" };
        var session = repo.CurrentSessionId();

        Assert.That(repo.TryWith(skip, "checkout", "-q", "-b", "feature/skip").ExitCode, Is.Zero);
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(session), "post-checkout skipped");
        repo.Repo.Write("s.txt", "s\n");
        repo.Run("add", "s.txt");
        Assert.That(repo.TryWith(skip, "commit", "-q", "-m", "skipped").ExitCode, Is.Zero);
        Assert.That(repo.TrailerOf(), Is.Empty, "the commit hooks skipped");
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
        Assert.That(worktree.Run("log", "-1", "--format=%(trailers:key=Session-Id,valueonly)").Trim(), Is.EqualTo(worktreeSession));
        Assert.That(worktree.Run("status", "--porcelain", "--untracked-files=no").Trim(), Is.Empty);
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(mainSession), "the main worktree is untouched");
        Assert.That(repo.TrackedChanges(), Is.Empty);
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

        Assert.That(rebase.ExitCode, Is.Zero, rebase.ToString());
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
        Assert.That(repo.TrailerOf(), Is.EqualTo(repo.CurrentSessionId()));
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["branch"]), Does.Contain(branch));
        var root = Path.GetDirectoryName(repo.Root)!;
        Assert.That(Directory.EnumerateFiles(root, "pwned", SearchOption.AllDirectories), Is.Empty);
        Assert.That(File.Exists(Path.Combine(Environment.CurrentDirectory, "pwned")), Is.False);
    }
}
