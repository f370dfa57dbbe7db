using System.Collections.Concurrent;
using System.Globalization;
using SessionHooks.Testing;

namespace SessionHooks.Reliability.Tests;

/// <summary>Many real <c>session log</c> processes, and hooks, writing the same pending area at once.</summary>
public class ConcurrencyTests
{
    /// <summary>8 × 100 in scripts/fault-injection.sh; CI runs 8 × SESSIONHOOKS_LOG_CALLS (25 by default) to stay quick on two cores.</summary>
    [Test]
    public void EightProcessesLoggingAtOnce_LeaveExactlyEveryEntry()
    {
        var calls = int.TryParse(Environment.GetEnvironmentVariable("SESSIONHOOKS_LOG_CALLS"), CultureInfo.InvariantCulture, out var n) ? n : 25;
        var repo = SessionRepository.Create();
        var recordedBefore = repo.RecordedEntries().Count;

        var acknowledged = LogConcurrently(repo, writers: 8, calls, out var failures);

        var pendingNotes = Notes(repo.PendingEntries());
        TestContext.Out.WriteLine($"writers: 8, calls each: {calls}, acknowledged: {acknowledged.Count}, refused: {failures.Count}, pending notes: {pendingNotes.Count}");
        Assert.That(failures, Is.Empty);
        Assert.That(acknowledged, Has.Count.EqualTo(8 * calls));
        Assert.That(pendingNotes, Has.Count.EqualTo(8 * calls), "the pending area holds every logged entry");
        Assert.That(pendingNotes, Is.Unique);
        Assert.That(repo.PendingEntries().Select(e => (string)e["id"]!), Is.EquivalentTo(acknowledged));
        Assert.That(repo.RecordedEntries(), Has.Count.EqualTo(recordedBefore), "nothing is recorded before a commit");

        repo.Repo.Commit("after.txt", "after\n", "record the notes");

        var added = repo.Run("diff-tree", "-r", "--no-commit-id", "--name-only", "--diff-filter=A", "HEAD", "--", ".sessions/worklog").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var recordedNotes = Notes(repo.RecordedEntries());
        Assert.That(added, Is.Not.Empty, "the commit added a worklog file");
        Assert.That(recordedNotes, Has.Count.EqualTo(8 * calls), "one commit recorded every entry, once");
        Assert.That(recordedNotes, Is.Unique);
        Assert.That(repo.RecordedEntries().Select(e => (string)e["id"]!), Is.SupersetOf(acknowledged));
        Assert.That(repo.PendingEntries(), Is.Empty, "the commit took what it recorded out of the pending area");
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

    [Test]
    public void CommitsThroughTheHooks_WhileSessionLogWrites_LoseNothing()
    {
        var repo = SessionRepository.Create();
        var session = repo.CurrentSessionId();
        var commits = Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                repo.Repo.Commit($"c{i}.txt", i + "\n", $"commit {i}");
            }
        });

        var acknowledged = LogConcurrently(repo, writers: 2, calls: 15, out var failures);
        Assert.That(failures, Is.Empty);
        commits.Wait();

        // Each logged entry is either recorded by one of the commits or still pending; none is lost.
        Assert.That(repo.EntryIds(), Is.SupersetOf(acknowledged));
        for (var i = 0; i < 10; i++)
        {
            var sha = repo.Run("log", "-1", "--format=%H", $"--grep=^commit {i}$").Trim();
            Assert.That(repo.TrailerOf(sha), Is.EqualTo(session), $"commit {i} names its session");
            Assert.That(repo.CommittedFiles(sha), Does.Contain($"c{i}.txt"), $"commit {i}'s files");
        }

        // The next commit records whatever is left: every entry recorded, each by one commit only.
        repo.Repo.Commit("last.txt", "last\n", "last commit");
        var recorded = repo.RecordedEntries().Select(e => (string)e["id"]!).ToList();
        Assert.That(recorded, Is.SupersetOf(acknowledged));
        Assert.That(recorded, Is.Unique, "no entry is recorded by two commits");
        Assert.That(repo.PendingEntries().Select(e => (string)e["id"]!), Is.Empty);
        Assert.That(repo.FilesAt("HEAD", ".sessions/worklog").Select(f => f[".sessions/".Length..]), Is.EquivalentTo(repo.WorklogFiles()), "the worktree holds exactly the committed worklog files");
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

    private static List<string> Notes(IEnumerable<System.Text.Json.Nodes.JsonNode> entries) =>
        [.. entries.Where(e => (string?)e["kind"] == "note").Select(e => (string)e["text"]!)];

    /// <summary>Runs <paramref name="writers"/> workers at once, each calling <c>session log</c> in turn; returns the ids acknowledged, and the calls refused.</summary>
    private static List<string> LogConcurrently(SessionRepository repo, int writers, int calls, out List<string> failures)
    {
        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, writer =>
        {
            for (var call = 0; call < calls; call++)
            {
                var result = ProcessRunner.Run("dotnet", [SessionRepository.SessionDll, "log", "note", $"writer {writer} call {call}"], repo.Root, repo.Repo.Git.BaseEnvironment());
                if (result.ExitCode == 0)
                {
                    acknowledged.Add(SessionRepository.LoggedId(result.StandardOutput));
                }
                else
                {
                    refused.Add(result.ToString());
                }
            }
        });
        failures = [.. refused];
        return [.. acknowledged];
    }
}
