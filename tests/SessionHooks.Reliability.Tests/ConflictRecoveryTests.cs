namespace SessionHooks.Reliability.Tests;

/// <summary><c>session recover</c> on session files that git's own text merge left with conflict markers.</summary>
public class ConflictRecoveryTests
{
    [TestCase("merge")]
    [TestCase("diff3")]
    [TestCase("zdiff3")]
    public void Recover_OfConflictMarkedFiles_KeepsEverySessionAndEntryOfBothSides(string conflictStyle)
    {
        var repo = SessionRepository.Create(conflictStyle);
        // As in a clone where the merge driver is not installed: git's own text merge.
        File.WriteAllText(Path.Combine(repo.Repo.GitDir(), "info", "attributes"), ".sessions/*.json merge=text\n");
        repo.Run("config", "merge.conflictStyle", conflictStyle);
        repo.Run("checkout", "-q", "-b", "feature/a");
        repo.Repo.Commit("a.txt", "a\n");
        repo.CommitEntry("decision", "a decided");
        var (sessions, entries) = (new HashSet<string>(repo.Sessions().Select(s => (string)s!["id"]!)), repo.EntryIds());
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n");
        repo.CommitEntry("insight", "main learnt");
        sessions.UnionWith(repo.Sessions().Select(s => (string)s!["id"]!));
        entries.UnionWith(repo.EntryIds());

        Assert.That(repo.Try("merge", "-q", "feature/a", "-m", "merge").ExitCode, Is.Not.Zero, "without the driver the session files conflict");
        var marked = File.ReadAllText(repo.PathOf("worklog.json"));
        Assert.That(marked, Does.Contain("<<<<<<<"));
        Assert.That(marked.Contains("|||||||", StringComparison.Ordinal), Is.EqualTo(conflictStyle != "merge"));
        repo.Run("add", "-A");
        repo.Run("commit", "-q", "--no-verify", "-m", "merge with markers");

        var recover = repo.Session("recover");

        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(repo.EntryIds(), Is.SupersetOf(entries));
        Assert.That(repo.Sessions().Select(s => (string)s!["id"]!), Is.SupersetOf(sessions));
        Assert.That(File.ReadAllText(repo.PathOf("worklog.json")), Does.Not.Contain("<<<<<<<").And.Not.Contain("|||||||"));
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }
}
