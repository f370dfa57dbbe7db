using System.Collections.Concurrent;
using System.Globalization;
using SessionHooks.Testing;

namespace SessionHooks.Reliability.Tests;

/// <summary>Many real <c>session log</c> processes, and hooks, writing the same worklog at once.</summary>
public class ConcurrencyTests
{
    /// <summary>8 × 100 in scripts/fault-injection.sh; CI runs 8 × SESSIONHOOKS_LOG_CALLS (25 by default) to stay quick on two cores.</summary>
    [Test]
    public void EightProcessesLoggingAtOnce_LeaveExactlyEveryEntry()
    {
        var calls = int.TryParse(Environment.GetEnvironmentVariable("SESSIONHOOKS_LOG_CALLS"), CultureInfo.InvariantCulture, out var n) ? n : 25;
        var repo = SessionRepository.Create();
        var before = repo.Entries().Count;

        var acknowledged = LogConcurrently(repo, writers: 8, calls, out var failures);

        TestContext.Out.WriteLine($"writers: 8, calls each: {calls}, acknowledged: {acknowledged.Count}, refused: {failures.Count}, note entries: {repo.Entries().Count(e => (string?)e!["kind"] == "note")}");
        Assert.That(failures, Is.Empty);
        var notes = repo.Entries().Where(e => (string?)e!["kind"] == "note").Select(e => (string)e!["text"]!).ToList();
        Assert.That(acknowledged, Has.Count.EqualTo(8 * calls));
        Assert.That(notes, Has.Count.EqualTo(8 * calls));
        Assert.That(notes, Is.Unique);
        Assert.That(repo.Entries(), Has.Count.EqualTo(before + (8 * calls)));
        Assert.That(repo.EntryIds(), Is.SupersetOf(acknowledged));
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

    [Test]
    public void CommitsThroughTheHooks_WhileSessionLogWrites_LoseNothing()
    {
        var repo = SessionRepository.Create();
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

        Assert.That(repo.EntryIds(), Is.SupersetOf(acknowledged));
        for (var i = 0; i < 10; i++)
        {
            var sha = repo.Run("log", "-1", "--format=%H", $"--grep=^commit {i}$").Trim();
            Assert.That(repo.Run("show", $"{sha}:.sessions/worklog.json"), Does.Contain($"\"path\": \"c{i}.txt\""), $"commit {i}'s entry");
        }

        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
    }

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
                    acknowledged.Add(result.StandardOutput.Split(' ')[2]);
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
