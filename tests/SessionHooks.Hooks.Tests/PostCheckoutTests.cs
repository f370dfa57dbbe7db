namespace SessionHooks.Hooks.Tests;

public class PostCheckoutTests
{
    [Test]
    public void NewBranch_StartsSessionWithoutTouchingTrackedFiles()
    {
        var repo = HookedRepository.Create();
        var mainSession = repo.CurrentSessionId();

        repo.Run("checkout", "-q", "-b", "feature/a");

        var current = repo.CurrentSession();
        Assert.That((string?)current["metadata"]!["environment"]!["branch"], Is.EqualTo("feature/a"));
        Assert.That(repo.CurrentSessionId(), Does.Match("^[0-9]{8}-[0-9a-z]{5}$").And.Not.EqualTo(mainSession));
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void SwitchingAwayAndBack_ResumesTheSameSession()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        var unregistered = repo.CurrentSessionId();
        repo.Run("checkout", "-q", "main");
        var mainSession = repo.CurrentSessionId();

        repo.Run("checkout", "-q", "feature/a");
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(unregistered), "a session not yet committed is remembered");

        repo.Repo.Commit("a.txt", "a\n");
        var registered = repo.CurrentSessionId();
        repo.Run("checkout", "-q", "main");
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(mainSession));
        repo.Run("checkout", "-q", "feature/a");
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(registered), "a registered open session is resumed");
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void SwitchingAwayAndBack_BringsBackTheSessionsDecisionsAndOpenTasks()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Session("log", "decision", "keep the cache rebuildable");
        repo.Session("log", "task", "write the history suite", "--priority", "high");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Session("log", "decision", "a decision not committed yet");

        repo.Run("checkout", "-q", "main");
        Assert.That(repo.CurrentSession()["context"]!["decisions"]!.AsArray(), Is.Empty);
        repo.Run("checkout", "-q", "feature/a");

        var context = repo.CurrentSession()["context"]!;
        Assert.That(context["decisions"]!.AsArray().Select(d => (string?)d), Is.EqualTo(new[] { "keep the cache rebuildable", "a decision not committed yet" }));
        Assert.That(context["pending_tasks"]!.AsArray().Select(d => (string?)d), Is.EqualTo(new[] { "write the history suite" }));
        var printed = repo.Session("context");
        Assert.That(printed.StandardOutput, Does.Contain("keep the cache rebuildable").And.Contain("write the history suite"));
    }

    [Test]
    public void SwitchingAfterLogging_NeverFails()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Session("log", "note", "first");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("checkout", "-q", "main");
        repo.Session("log", "note", "on main");
        repo.Repo.Commit("m.txt", "m\n");
        repo.Session("log", "note", "logged on main, not committed");

        var switched = repo.Try("checkout", "-q", "feature/a");

        Assert.That(switched.ExitCode, Is.Zero, switched.ToString());
        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void Switching_NeverFailsBecauseOfSessionFiles()
    {
        var repo = HookedRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");

        for (var i = 0; i < 3; i++)
        {
            Assert.That(repo.Try("checkout", "-q", "feature/a").ExitCode, Is.Zero);
            Assert.That(repo.Try("checkout", "-q", "main").ExitCode, Is.Zero);
        }

        Assert.That(repo.TrackedChanges(), Is.Empty);
    }

    [Test]
    public void FileCheckout_LeavesTheSessionAlone()
    {
        var repo = HookedRepository.Create();
        var before = File.ReadAllText(Path.Combine(repo.Root, ".sessions/current_session.json"));
        File.WriteAllText(Path.Combine(repo.Root, "README.md"), "changed\n");

        repo.Run("checkout", "--", "README.md");

        Assert.That(File.ReadAllText(Path.Combine(repo.Root, ".sessions/current_session.json")), Is.EqualTo(before));
    }

    [Test]
    public void DetachedHead_CarriesTheSessionAndRecordsNoBranch()
    {
        var repo = HookedRepository.Create();
        var session = repo.CurrentSessionId();

        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("checkout", "-q", "--detach", "HEAD~1");

        var environment = repo.CurrentSession()["metadata"]!["environment"]!;
        Assert.That(environment["branch"], Is.Null);
        Assert.That((string?)environment["last_commit"], Is.EqualTo(repo.Repo.Head()));
        Assert.That(repo.CurrentSessionId(), Is.EqualTo(session));
    }
}
