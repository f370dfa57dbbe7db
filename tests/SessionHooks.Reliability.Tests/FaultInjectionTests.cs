using System.Globalization;
using System.Text.Json;
using SessionHooks.Records;

namespace SessionHooks.Reliability.Tests;

/// <summary>
/// kill -9 at random moments during real hook and CLI writes: <c>git commit</c> through its hooks
/// (pre-commit recording the pending area, prepare-commit-msg putting the index back, post-commit
/// writing the records again), <c>session log</c> and <c>session recover</c>. After every step no
/// record is torn and every acknowledged <c>session log</c> entry is pending or recorded; at the end
/// every commit git completed names its session, and the records validate.
/// SESSIONHOOKS_KILL_COUNT sets the number of kills (scripts/fault-injection.sh runs 500),
/// SESSIONHOOKS_KILL_SEED replays a run.
/// </summary>
public class FaultInjectionTests
{
    [Test]
    public void RandomKills_DuringCommitsLogsAndRecovers_TearNothing_AndLoseNoAcknowledgedWrite()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("SESSIONHOOKS_KILL_COUNT"), CultureInfo.InvariantCulture, out var n) ? n : 40;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SESSIONHOOKS_KILL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount;
        TestContext.Out.WriteLine($"kills: {kills}, seed: {seed}");
        var random = new Random(seed);
        var repo = SessionRepository.Create();
        var environment = repo.Repo.Git.BaseEnvironment();
        var loggedIds = new List<string>();
        var (killed, finished, attempt) = (0, 0, 0);

        while (killed < kills)
        {
            attempt++;
            var action = random.Next(3);
            var file = $"f{attempt}.txt";
            string[] command = action switch
            {
                0 => ["git", "commit", "-q", "-m", "commit " + attempt],
                1 => ["dotnet", SessionRepository.SessionDll, "log", "note", "note " + attempt],
                _ => ["dotnet", SessionRepository.SessionDll, "recover", "--no-commit"],
            };
            if (action == 0)
            {
                repo.Repo.Write(file, attempt + "\n");
                repo.Run("add", "--", file);
            }

            // Over the whole run of each program, from its start to its last write.
            var delay = TimeSpan.FromMilliseconds(random.Next(action == 0 ? 1_500 : 700));
            using var process = KillableProcess.Start(command[0], command[1..], repo.Root, environment);
            var exit = process.KillAfter(delay);
            if (exit is null)
            {
                killed++;
                // git's own locks (index.lock, HEAD.lock, refs), left by the killed git as after any
                // crash; a user removes them. SessionHooks' locks (flock) are left alone.
                foreach (var gitLock in Directory.EnumerateFiles(repo.GitDir, "*.lock", SearchOption.AllDirectories)
                    .Where(f => !f.StartsWith(Path.Combine(repo.GitDir, "sessionhooks"), StringComparison.Ordinal)))
                {
                    File.Delete(gitLock);
                }
            }
            else
            {
                finished++;
                Assert.That(exit, Is.Zero, $"{string.Join(' ', command)}\n{process.StandardOutput}{process.StandardError}");
                if (action == 1)
                {
                    loggedIds.Add(SessionRepository.LoggedId(process.StandardOutput));
                }
            }

            var when = $"after attempt {attempt} ({string.Join(' ', command)}, {(exit is null ? $"killed at {delay.TotalMilliseconds} ms" : "finished")})";
            AssertNothingTorn(repo, when);
            Assert.That(repo.EntryIds(), Is.SupersetOf(loggedIds), "every session log that exited 0 is pending or recorded, " + when);
        }

        // Every commit git completed names its session, one the records know.
        var commits = repo.Run("log", "--format=%H %s", "--grep=^commit ").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sessions = repo.SessionIds();
        foreach (var line in commits)
        {
            Assert.That(sessions, Does.Contain(repo.TrailerOf(line[..40])), $"the session of {line}");
        }

        // A commit killed between its hooks is settled by the next one, which also records what is
        // pending; recover then finds anything else. The worktree holds every worklog file HEAD
        // has, byte for byte, and everything logged is recorded.
        repo.Repo.Commit("final.txt", "final\n", "final commit");
        var recover = repo.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        foreach (var path in repo.FilesAt("HEAD", ".sessions/worklog"))
        {
            Assert.That(File.ReadAllText(Path.Combine(repo.Root, path)), Is.EqualTo(repo.Run("show", "HEAD:" + path)), path);
        }

        var recorded = repo.RecordedEntries().Select(e => (string)e["id"]!).ToList();
        Assert.That(recorded, Is.SupersetOf(loggedIds), "every session log that exited 0 is recorded by a commit");
        Assert.That(repo.PendingEntries().Where(e => (string?)e["kind"] == "note"), Is.Empty);
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no"), Is.Empty);
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
        TestContext.Out.WriteLine($"kills: {killed}, finished runs: {finished}, commits: {commits.Length}, acknowledged logs: {loggedIds.Count}, recorded entries: {recorded.Count}, worklog files: {repo.WorklogFiles().Count}");
    }

    /// <summary>Every record parses whole: the committed files in the worktree, the pending area, and a commit's records in progress.</summary>
    private static void AssertNothingTorn(SessionRepository repo, string when)
    {
        var records = new List<(string Path, Func<byte[], string, IReadOnlyList<Diagnostics.Diagnostic>> Parse)>
        {
            (repo.PathOf("ai_sessions.json"), (b, p) => SessionFileParser.ParseAiSessions(b, p).Diagnostics),
            (repo.PathOf("worklog.json"), (b, p) => SessionFileParser.ParseWorklog(b, p).Diagnostics),
            (repo.PathOf("current_session.json"), (b, p) => SessionFileParser.ParseCurrentSession(b, p).Diagnostics),
        };
        records.AddRange(repo.WorklogFiles().Select(f => (repo.PathOf(f), (Func<byte[], string, IReadOnlyList<Diagnostics.Diagnostic>>)((b, p) => SessionFileParser.ParseWorklog(b, p).Diagnostics))));
        foreach (var (path, parse) in records.Where(r => File.Exists(r.Path)))
        {
            var errors = parse(File.ReadAllBytes(path), path).Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.Render()).ToList();
            Assert.That(errors, Is.Empty, $"{path} {when}");
        }

        // The store's own files: JSON written whole, or not at all.
        var state = new[] { repo.PendingFolder, repo.CommitInProgressFolder }.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json"));
        foreach (var path in state)
        {
            Assert.That(() => JsonDocument.Parse(File.ReadAllBytes(path)).Dispose(), Throws.Nothing, $"{path} {when}");
        }

        var setAside = new[] { repo.SessionsFolder, repo.PendingFolder }.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.bad-*", SearchOption.AllDirectories));
        Assert.That(setAside, Is.Empty, "nothing was set aside as unreadable " + when);
    }
}
