namespace SessionHooks.Reliability.Tests;

/// <summary>
/// <c>session recover</c> on an ai_sessions.json that git's own text merge left with conflict
/// markers. Worklog files never conflict: each is added once and never changed.
/// </summary>
public class ConflictRecoveryTests
{
    [TestCase("merge")]
    [TestCase("diff3")]
    [TestCase("zdiff3")]
    public void Recover_OfConflictMarkedFiles_KeepsEverySessionAndEntryOfBothSides(string conflictStyle)
    {
        var repo = SessionRepository.Create(conflictStyle);
        // As in a clone where the merge driver is not installed: git's own text merge.
        File.WriteAllText(Path.Combine(repo.GitDir, "info", "attributes"), ".sessions/*.json merge=text\n");
        repo.Run("config", "merge.conflictStyle", conflictStyle);
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        repo.CommitEntry("decision", "a decided");
        var (sessions, entries) = (repo.SessionIds(), repo.EntryIds());
        var files = repo.WorklogFiles();
        repo.Run("checkout", "-q", "main");
        // main starts a session of its own too: both sides add a session at the same place.
        Assert.That(repo.Session("start", "--title", "main's next work").ExitCode, Is.Zero);
        repo.Repo.Commit("m.txt", "m\n");
        repo.CommitEntry("insight", "main learnt");
        sessions.UnionWith(repo.SessionIds());
        entries.UnionWith(repo.EntryIds());
        files.AddRange(repo.WorklogFiles());
        Assert.That(sessions, Has.Count.GreaterThanOrEqualTo(3), "each branch registered a session of its own");

        var merge = repo.Try("merge", "-q", "feature/a", "-m", "merge");
        Assert.That(merge.ExitCode, Is.Not.Zero, "without the driver ai_sessions.json conflicts\n" + merge);
        var conflicted = repo.Run("diff", "--name-only", "--diff-filter=U").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(conflicted, Is.EqualTo(new[] { ".sessions/ai_sessions.json" }), "worklog files are only ever added, so only the registry conflicts");
        var marked = File.ReadAllText(repo.PathOf("ai_sessions.json"));
        Assert.That(marked, Does.Contain("<<<<<<<"));
        Assert.That(marked.Contains("|||||||", StringComparison.Ordinal), Is.EqualTo(conflictStyle != "merge"));
        Assert.That(repo.WorklogFiles(), Is.SupersetOf(files), "both sides' worklog files are in the merge");
        repo.Run("add", "-A");
        repo.CommitWithoutHooks("merge with markers");

        var recover = repo.Session("recover");

        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(repo.EntryIds(), Is.SupersetOf(entries));
        Assert.That(repo.SessionIds(), Is.SupersetOf(sessions));
        Assert.That(File.ReadAllText(repo.PathOf("ai_sessions.json")), Does.Not.Contain("<<<<<<<").And.Not.Contain("|||||||"));
        Assert.That(repo.Run("show", "HEAD:.sessions/ai_sessions.json"), Does.Not.Contain("<<<<<<<"), "recover committed the repaired file");
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }
}
