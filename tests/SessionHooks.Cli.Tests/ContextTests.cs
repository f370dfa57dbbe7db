namespace SessionHooks.Cli.Tests;

public class ContextTests
{
    private const string Secret = "TOP-SECRET-outside-the-repository";

    [Test]
    public void ContextWithFiles_NeverReadsOutsideTheRepository_ThroughDotDotOrSymbolicLinks()
    {
        var repo = CliRepository.Create();
        var outside = Path.Combine(Path.GetDirectoryName(repo.Root)!, Path.GetFileName(repo.Root) + ".secret.txt");
        File.WriteAllText(outside, Secret + "\n");
        repo.Repo.Write("docs/guide.md", "# Guide\nread me first\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "docs", "leak.md"), outside);
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "up"), Path.GetDirectoryName(repo.Root)!);

        Assert.That(repo.Session("cache", "add", "docs/leak.md").ExitCode, Is.EqualTo(2));
        Assert.That(repo.Session("cache", "add", $"../{Path.GetFileName(outside)}").ExitCode, Is.EqualTo(2));
        Assert.That(repo.Session("cache", "add", $"up/{Path.GetFileName(outside)}").ExitCode, Is.EqualTo(2));
        repo.Ok("cache", "add", "docs/guide.md");

        // Committed files are anyone's to edit: plant hostile entries past the command's checks.
        var sessions = repo.ReadJson(".sessions/ai_sessions.json");
        sessions["knowledge_cache"] = new System.Text.Json.Nodes.JsonArray(
            "docs/leak.md", $"../{Path.GetFileName(outside)}", $"up/{Path.GetFileName(outside)}", outside, "docs/../../" + Path.GetFileName(outside));
        File.WriteAllText(Path.Combine(repo.Root, ".sessions/ai_sessions.json"), sessions.ToJsonString());

        var markdown = repo.Session("context", "--include-files");
        var json = repo.Session("context", "--include-files", "--json");

        Assert.That(markdown.ExitCode, Is.Zero, markdown.ToString());
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        Assert.That(markdown.Output + json.Output, Does.Not.Contain(Secret));
        Assert.That(markdown.StandardOutput, Does.Contain("read me first"), "files inside are included");
        Assert.That(markdown.StandardOutput, Does.Contain("`docs/leak.md` (refused: outside the repository, in .git, or through a link; not read)"));
        var states = CliRepository.Json(json.StandardOutput)["knowledge_cache"]!.AsArray()
            .ToDictionary(f => (string)f!["path"]!, f => (string?)f!["state"]);
        Assert.That(states["docs/guide.md"], Is.EqualTo("included"));
        Assert.That(states.Where(s => s.Key != "docs/guide.md").Select(s => s.Value), Is.All.EqualTo("outside_repository"));
    }

    [Test]
    public void ContextWithFiles_NeverReadsGitsFolder_InAnySpelling_NorAFifo()
    {
        const string Token = "ghp_TOKEN-IN-THE-REMOTE-URL";
        var repo = CliRepository.Create();
        repo.Run("remote", "add", "upstream", $"https://x-access-token:{Token}@example.com/r.git");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "config-link"), Path.Combine(repo.Root, ".git", "config"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "git-link"), Path.Combine(repo.Root, ".git"));
        File.WriteAllText(Path.Combine(repo.Root, "inside.md"), "INSIDE\n");
        GitRunnerCheck(repo, "mkfifo", Path.Combine(repo.Root, "pipe"));
        var sessions = repo.ReadJson(".sessions/ai_sessions.json");
        sessions["knowledge_cache"] = new System.Text.Json.Nodes.JsonArray(
            "inside.md", ".git/config", "./.git/config", ".git//config", ".GIT/config", ".git./config", "GIT~1/config", "config-link",
            "git-link/config", "sub/../.git/config", "pipe", "new\nline.md", "esc\u001b[2J.md");
        File.WriteAllText(Path.Combine(repo.Root, ".sessions/ai_sessions.json"), sessions.ToJsonString());

        var markdown = repo.Session("context", "--include-files");
        var json = repo.Session("context", "--include-files", "--json");

        Assert.That(markdown.ExitCode, Is.Zero, markdown.ToString());
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        Assert.That(markdown.Output + json.Output, Does.Not.Contain(Token).And.Not.Contain("[remote"));
        Assert.That(markdown.StandardOutput, Does.Contain("INSIDE"));
        Assert.That(markdown.StandardOutput.Any(c => char.IsControl(c) && c is not '\n'), Is.False, "no control character reaches the terminal");
        var states = CliRepository.Json(json.StandardOutput)["knowledge_cache"]!.AsArray().Select(f => (string?)f!["state"]).ToList();
        Assert.That(states[0], Is.EqualTo("included"));
        Assert.That(states[1..^3], Is.All.EqualTo("outside_repository"));
        Assert.That(states[^3], Is.EqualTo("empty"), "the FIFO is not opened");
        Assert.That(states[^2..], Is.All.EqualTo("outside_repository"));
        foreach (var refused in new[] { ".git/config", ".GIT/config", "config-link", "git-link/config", "pipe\nx" })
        {
            var added = repo.Session("cache", "add", refused);
            Assert.That(added.ExitCode, Is.EqualTo(2), added.ToString());
            Assert.That(added.StandardError.Trim().Split('\n'), Has.Length.EqualTo(1).And.All.Contain("error SH6002"));
        }
    }

    [Test]
    public void Context_MaxBytesBeyondWhatMemoryHolds_IsOneClearLine()
    {
        var repo = CliRepository.Create();

        var context = repo.Session("context", "--include-files", "--max-bytes", "3000000000");

        Assert.That(context.ExitCode, Is.EqualTo(2), context.ToString());
        Assert.That(context.StandardError.Trim(), Does.StartWith("--max-bytes: error SH6001: the limit is more than").And.Not.Contain("\n"));
        Assert.That(context.Output, Does.Not.Contain("Exception"));
    }

    [Test]
    public void ContextWithFiles_StaysUnderMaxBytes_CuttingTheLastFile_AndSkipsBinaries()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write("big.txt", new string('x', 5000));
        File.WriteAllBytes(Path.Combine(repo.Root, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13]);
        repo.Ok("cache", "add", "logo.png");
        repo.Ok("cache", "add", "big.txt");

        var output = repo.Ok("context", "--json", "--include-files", "--max-bytes", "2000");
        var json = CliRepository.Json(output);

        Assert.That(System.Text.Encoding.UTF8.GetByteCount(output), Is.LessThanOrEqualTo(2000));
        var files = json["knowledge_cache"]!.AsArray();
        Assert.That((string?)files[0]!["state"], Is.EqualTo("binary"));
        Assert.That(files[0]!["content"], Is.Null);
        Assert.That((string?)files[1]!["state"], Is.EqualTo("truncated"));
        Assert.That(((string?)files[1]!["content"])!.Length, Is.InRange(256, 1999), "cut short, not dropped");
        var markdown = repo.Ok("context", "--include-files", "--max-bytes", "1200");
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(markdown), Is.LessThanOrEqualTo(1200));
        Assert.That(markdown, Does.Contain("## Left out").And.Contain("the end of big.txt"));
    }

    [Test]
    public void Context_ShowsFocusNotesCacheAndDecisions_AndJsonCarriesSchemaVersion()
    {
        var repo = CliRepository.Create();
        repo.Ok("start", "--title", "Speed up validation", "--issue", "#7");
        repo.Ok("note", "add", "run the benchmarks before merging");
        repo.Ok("note", "add", "--repo", "never commit generated schemas");
        repo.Ok("cache", "add", "README.md");
        repo.Ok("log", "decision", "cache compiled schemas per process");
        repo.Ok("log", "task", "measure cold start");

        var markdown = repo.Ok("context");
        var json = CliRepository.Json(repo.Ok("context", "--format", "json"));

        Assert.That(markdown, Does.Contain("- Focus: Speed up validation").And.Contain("- Issues: #7")
            .And.Contain("- run the benchmarks before merging").And.Contain("- never commit generated schemas")
            .And.Contain("- `README.md`").And.Contain("- cache compiled schemas per process").And.Contain("- [medium] task: measure cold start (t-"));
        Assert.That((int?)json["schema_version"], Is.EqualTo(1));
        Assert.That((string?)json["session_id"], Is.EqualTo(repo.CurrentSessionId()));
        Assert.That(json["context_notes"]!["repository"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "never commit generated schemas" }));
        Assert.That(repo.Ok("note", "list"), Is.EqualTo("1. run the benchmarks before merging\n"));
        repo.Ok("note", "remove", "1");
        repo.Ok("cache", "remove", "README.md");
        Assert.That(repo.Ok("note", "list") + repo.Ok("cache", "list"), Is.Empty);
    }

    private static void GitRunnerCheck(CliRepository repo, string program, string argument) =>
        SessionHooks.Testing.GitRunner.Check(repo.Repo.Git.Exec(repo.Root, program, [argument]));
}
