using System.Globalization;
using SessionHooks.Records;

namespace SessionHooks.Reliability.Tests;

/// <summary>
/// kill -9 at random moments during real hook and CLI writes: <c>git commit</c> through pre-commit,
/// <c>session log</c> and <c>session recover</c>. Afterwards no session file is torn and every
/// acknowledged write (a commit git completed, a log that exited 0) is there.
/// SESSIONHOOKS_KILL_COUNT sets the number of kills (scripts/fault-injection.sh runs 500).
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
        var committedFiles = new List<string>();
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
                var gitDir = Path.Combine(repo.Root, ".git");
                foreach (var gitLock in Directory.EnumerateFiles(gitDir, "*.lock", SearchOption.AllDirectories)
                    .Where(f => !f.StartsWith(Path.Combine(gitDir, "sessionhooks"), StringComparison.Ordinal)))
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
                    loggedIds.Add(process.StandardOutput.Split(' ')[2]);
                }
            }

            AssertNothingTorn(repo, $"after attempt {attempt} ({string.Join(' ', command)}, {(exit is null ? $"killed at {delay.TotalMilliseconds} ms" : "finished")})");
        }

        // Every commit git completed has its entry in the worklog of that very commit.
        foreach (var line in repo.Run("log", "--format=%H %s", "--grep=^commit ").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var sha = line[..40];
            var file = "f" + line.Split(' ')[2] + ".txt";
            committedFiles.Add(file);
            var worklog = repo.Run("show", $"{sha}:.sessions/worklog.json");
            Assert.That(worklog, Does.Contain($"\"path\": \"{file}\""), $"the entry of {line}");
        }

        var entries = repo.EntryIds();
        Assert.That(entries, Is.SupersetOf(loggedIds), "every session log that exited 0");
        var committedEntries = System.Text.Json.Nodes.JsonNode.Parse(repo.Run("show", "HEAD:.sessions/worklog.json"))!["entries"]!.AsArray().Select(e => (string)e!["id"]!);
        Assert.That(entries, Is.SupersetOf(committedEntries), "the worktree keeps every committed entry");
        var validate = repo.Validate();
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
        TestContext.Out.WriteLine($"kills: {killed}, finished runs: {finished}, commits: {committedFiles.Count}, acknowledged logs: {loggedIds.Count}, entries: {entries.Count}");
    }

    private static void AssertNothingTorn(SessionRepository repo, string when)
    {
        foreach (var (name, parse) in new (string, Func<byte[], string, IReadOnlyList<Diagnostics.Diagnostic>>)[]
        {
            ("ai_sessions.json", (b, p) => SessionFileParser.ParseAiSessions(b, p).Diagnostics),
            ("worklog.json", (b, p) => SessionFileParser.ParseWorklog(b, p).Diagnostics),
            ("current_session.json", (b, p) => SessionFileParser.ParseCurrentSession(b, p).Diagnostics),
        })
        {
            var path = repo.PathOf(name);
            if (File.Exists(path))
            {
                var errors = parse(File.ReadAllBytes(path), ".sessions/" + name).Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.Render()).ToList();
                Assert.That(errors, Is.Empty, $"{name} {when}");
            }
        }
    }
}
