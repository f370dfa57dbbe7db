using System.Text.Json.Nodes;
using static SessionHooks.Cli.Tests.ClaudeCodeHook;

namespace SessionHooks.Cli.Tests;

public class ClaudeHookTests
{
    private const string AssistantSession = "abc123";

    [TestCase("startup")]
    [TestCase("resume")]
    [TestCase("clear")]
    [TestCase("compact")]
    public void SessionStart_PrintsTheFocusNotesAndOpenTasks_AndLinksTheAssistantSession(string source)
    {
        var repo = WithClaude();
        repo.Ok("start", "--title", "CSV importer", "--issue", "#42");
        repo.Ok("note", "add", "run the importer tests with --filter Csv");
        repo.Ok("task", "add", "Handle quoted newlines", "--priority", "high");

        var result = Run(repo, "SessionStart", Input("SessionStart", repo.Root, ("source", source)));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardError, Is.Empty);
        Assert.That(result.StandardOutput, Does.Contain("CSV importer").And.Contain("#42"), "the focus");
        Assert.That(result.StandardOutput, Does.Contain("run the importer tests with --filter Csv"), "the notes");
        Assert.That(result.StandardOutput, Does.Contain("Handle quoted newlines"), "the open tasks");
        var links = repo.SessionRecord(repo.CurrentSessionId())["assistant_sessions"]!.AsArray();
        Assert.That(links.Select(l => ((string?)l!["assistant"], (string?)l["id"])), Is.EqualTo(new[] { ("claude", AssistantSession) }));
    }

    [Test]
    public void UserPromptSubmit_LogsThePromptAsOneRedactedPromptEntry_AndPrintsNothing()
    {
        var repo = WithClaude();
        const string token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

        var result = Run(repo, "UserPromptSubmit", Input("UserPromptSubmit", repo.Root, ("prompt", $"Deploy with {token} and write the factorial function")));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Is.Empty, "Claude Code adds a UserPromptSubmit hook's stdout to the conversation");
        var prompt = repo.PendingEntries().Single(e => (string?)e["kind"] == "prompt");
        Assert.That((string?)prompt["text"], Does.StartWith("Deploy with [REDACTED:").And.EndWith("and write the factorial function"));
        Assert.That(repo.AllSessionFiles(), Does.Not.Contain(token));
        Assert.That((string?)prompt["assistant"]!["name"], Is.EqualTo("claude"));
        Assert.That((string?)prompt["assistant"]!["session_id"], Is.EqualTo(AssistantSession));
        Assert.That((string?)prompt["session"], Is.EqualTo(repo.CurrentSessionId()));
    }

    [Test]
    public void UserPromptSubmit_KeepsTheStartOfALongPrompt()
    {
        var repo = WithClaude();
        var prompt = "Refactor the reader. " + new string('x', 20_000);

        Assert.That(Run(repo, "UserPromptSubmit", Input("UserPromptSubmit", repo.Root, ("prompt", prompt))).ExitCode, Is.Zero);

        var text = (string)repo.PendingEntries().Single(e => (string?)e["kind"] == "prompt")["text"]!;
        Assert.That(text, Does.StartWith("Refactor the reader. xxx").And.EndWith("more characters]"));
        Assert.That(text, Has.Length.LessThan(4100));
    }

    [Test]
    public void StopAndSessionEnd_RecordTheFilesTouchedSinceTheAssistantStarted_OnlyWhenTheyChange()
    {
        var repo = WithClaude();
        Run(repo, "SessionStart", Input("SessionStart", repo.Root));
        Assert.That(Run(repo, "Stop", Input("Stop", null)).ExitCode, Is.Zero);
        Assert.That(Events(repo), Is.Empty, "nothing touched yet");

        repo.Repo.Write("src/Csv.cs", "class Csv {}\n");
        var stop = Run(repo, "Stop", Input("Stop", null));
        Run(repo, "Stop", Input("Stop", null));
        repo.Run("add", "src/Csv.cs");
        repo.Run("commit", "-q", "-m", "Csv reader");
        Run(repo, "Stop", Input("Stop", null));

        Assert.That(stop.ExitCode, Is.Zero, stop.ToString());
        Assert.That(stop.Output, Is.Empty);
        var first = Events(repo).Single();
        Assert.That((string?)first["text"], Does.Contain("claude session abc123 changed 1 file since it started: src/Csv.cs"));
        Assert.That(first["files"]!.AsArray().Select(f => ((string?)f!["path"], (string?)f["change"])), Is.EqualTo(new[] { ("src/Csv.cs", "added") }));

        repo.Repo.Write("README.md", "# changed\n");
        Assert.That(Run(repo, "SessionEnd", Input("SessionEnd", repo.Root)).ExitCode, Is.Zero);

        Assert.That(Events(repo), Has.Count.EqualTo(2));
        Assert.That(Events(repo).Select(e => e["files"]!.AsArray().Select(f => (string?)f!["path"]).Order(StringComparer.Ordinal).ToList()), Does.Contain(new List<string?> { "README.md", "src/Csv.cs" }));
        repo.Run("commit", "-q", "-am", "Readme");
        var committed = repo.Sessions()["sessions"]!.AsArray().Single(s => (string?)s!["id"] == repo.CurrentSessionId())!;
        Assert.That((string?)committed["assistant_sessions"]![0]!["id"], Is.EqualTo(AssistantSession), "the commit recorded the link");
        Assert.That(repo.Ok("validate"), Does.Not.Contain("error"));
    }

    [Test]
    public void AHookOutsideAGitRepository_ExitsZeroWithOneLine()
    {
        var repo = WithClaude();
        var outside = Directory.CreateTempSubdirectory("sessionhooks-outside-").FullName;

        // The launcher is found, but the assistant works in a folder git does not know.
        var notARepository = Run(repo, "UserPromptSubmit", Input("UserPromptSubmit", outside));

        // Nothing is found at all: the project folder has no launcher.
        var noLauncher = Run(repo, "SessionStart", Input("SessionStart", outside), projectDir: outside, workingDirectory: outside);

        foreach (var result in new[] { notARepository, noLauncher })
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.StandardOutput, Is.Empty, result.ToString());
            Assert.That(result.StandardError.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), result.ToString());
        }

        Assert.That(notARepository.StandardError, Does.StartWith("SessionHooks (claude hook): ").And.Contain("not inside a git repository"));
        Assert.That(repo.PendingEntries(), Is.Empty);
    }

    [TestCase("{\"session_id\": \"abc123\", \"hook_event_name\": ")]
    [TestCase("not json")]
    [TestCase("[1, 2]")]
    [TestCase("{\"session_id\": \"abc123\", \"prompt\": \"no event name\"}")]
    [TestCase("")]
    public void AHookGivenMalformedInput_ExitsZeroWithOneLine_AndWritesNothing(string input)
    {
        var repo = WithClaude();

        var result = Run(repo, "UserPromptSubmit", input);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Is.Empty);
        Assert.That(result.StandardError.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.StartWith("SessionHooks (claude hook): stdin: error SH6001: the hook input"));
        Assert.That(repo.PendingEntries(), Is.Empty);
    }

    [Test]
    public void AHookForAnUnknownAssistant_ExitsZeroWithOneLine_AndWritesNothing()
    {
        var repo = WithClaude();

        var result = repo.Repo.Git.Exec(repo.Root, "sh", ["-c", "sh \"$CLAUDE_PROJECT_DIR/.husky/sessionhooks.sh\" assistant-hook ../../escape"],
            new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = repo.Root }, Input("UserPromptSubmit", repo.Root));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardError.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.StartWith("SessionHooks (assistant hook): ").And.Contain("reads no hook input of '../../escape'").And.Contain("use one of: claude"));
        Assert.That(repo.PendingEntries(), Is.Empty);
    }

    [Test]
    public void SessionHooksZero_SkipsTheHook()
    {
        var repo = WithClaude();
        repo.Repo.Git.Environment["SESSIONHOOKS"] = "0";

        var result = Run(repo, "UserPromptSubmit", Input("UserPromptSubmit", repo.Root));

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Output, Is.Empty);
        Assert.That(repo.PendingEntries(), Is.Empty);
    }

    /// <summary>The hook runs on every prompt, so where the runtime has the native programs it starts the native one, not the CLI.</summary>
    [Test]
    [Platform("Linux")]
    public void TheHook_RunsTheNativeProgramWhereBuilt()
    {
        var repo = WithClaude();
        repo.Repo.Git.Environment["SESSIONHOOKS_LOG"] = "debug";

        Assert.That(Run(repo, "UserPromptSubmit", Input("UserPromptSubmit", repo.Root)).ExitCode, Is.Zero);

        var log = string.Join('\n', Directory.GetFiles(Path.Combine(repo.Repo.GitDir(), "sessionhooks", "logs")).Select(File.ReadAllText));
        var native = Directory.Exists(Path.Combine(CliRepository.ToolFolder, "linux-x64"));
        Assert.That(log, Does.Match($@"""?assistant-hook""? runs ""?{(native ? "NativeAOT" : "JIT-compiled")}""?"), log);
    }

    private static List<JsonNode> Events(CliRepository repo) =>
        [.. repo.Entries().Where(e => (string?)e["kind"] == "event").OrderBy(e => (string?)e["id"], StringComparer.Ordinal)];

    private static CliRepository WithClaude()
    {
        var repo = CliRepository.Create();
        repo.Ok("install", "--hooks-dir", CliRepository.ToolFolder, "--assistant", "claude");
        repo.Run("add", "-A");
        repo.Run("commit", "-q", "-m", "Claude Code hooks");
        return repo;
    }
}
