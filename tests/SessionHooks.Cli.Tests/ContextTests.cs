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
        Assert.That(markdown.StandardOutput, Does.Contain("`docs/leak.md` (outside the repository, not read)"));
        var states = CliRepository.Json(json.StandardOutput)["knowledge_cache"]!.AsArray()
            .ToDictionary(f => (string)f!["path"]!, f => (string?)f!["state"]);
        Assert.That(states["docs/guide.md"], Is.EqualTo("included"));
        Assert.That(states.Where(s => s.Key != "docs/guide.md").Select(s => s.Value), Is.All.EqualTo("outside_repository"));
    }

    [Test]
    public void ContextWithFiles_StaysUnderMaxBytes_AndSkipsBinaries()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write("big.txt", new string('x', 5000));
        File.WriteAllBytes(Path.Combine(repo.Root, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13]);
        repo.Ok("cache", "add", "logo.png");
        repo.Ok("cache", "add", "big.txt");

        var json = CliRepository.Json(repo.Ok("context", "--json", "--include-files", "--max-bytes", "1000"));

        var files = json["knowledge_cache"]!.AsArray();
        Assert.That((string?)files[0]!["state"], Is.EqualTo("binary"));
        Assert.That(files[0]!["content"], Is.Null);
        Assert.That((string?)files[1]!["state"], Is.EqualTo("truncated"));
        Assert.That(((string?)files[1]!["content"])!, Has.Length.EqualTo(1000));
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
            .And.Contain("- `README.md`").And.Contain("- cache compiled schemas per process").And.Contain("- measure cold start"));
        Assert.That((int?)json["schema_version"], Is.EqualTo(1));
        Assert.That((string?)json["session_id"], Is.EqualTo(repo.CurrentSessionId()));
        Assert.That(json["context_notes"]!["repository"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "never commit generated schemas" }));
        Assert.That(repo.Ok("note", "list"), Is.EqualTo("1. run the benchmarks before merging\n"));
        repo.Ok("note", "remove", "1");
        repo.Ok("cache", "remove", "README.md");
        Assert.That(repo.Ok("note", "list") + repo.Ok("cache", "list"), Is.Empty);
    }
}
