using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Cli.Tests;

/// <summary>A real repository with SessionHooks installed by the real <c>session install</c>; commands run as the real program.</summary>
public sealed class CliRepository
{
    private CliRepository(TempRepository repository) => Repo = repository;

    /// <summary>The folder holding <c>session</c> and the hook programs (this test assembly's own).</summary>
    public static string ToolFolder => InstalledRepository.HooksFolder;

    public TempRepository Repo { get; }

    public string Root => Repo.Root;

    public static CliRepository Create(string? suffix = null) => new(InstalledRepository.Create(suffix).Repo);

    /// <summary>Runs <c>session</c> with its output redirected, as tests and scripts see it.</summary>
    public ProcessResult Session(params string[] arguments) => InstalledRepository.Session(Repo, Root, arguments);

    /// <summary>Runs <c>session</c> and fails the test unless it exits 0.</summary>
    public string Ok(params string[] arguments)
    {
        var result = Session(arguments);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result.StandardOutput;
    }

    public string Run(params string[] arguments) => Repo.Run(arguments);

    public JsonNode CurrentSession() => ReadJson(".sessions/current_session.json");

    public JsonNode Sessions() => ReadJson(".sessions/ai_sessions.json");

    public JsonArray Entries() => ReadJson(".sessions/worklog.json")["entries"]!.AsArray();

    public string CurrentSessionId() => (string)CurrentSession()["metadata"]!["session_id"]!;

    public JsonNode SessionRecord(string id) =>
        Sessions()["sessions"]!.AsArray().Single(s => (string?)s!["id"] == id)!;

    /// <summary>Every session file as text, to prove what never reached them.</summary>
    public string AllSessionFiles() =>
        string.Concat(Directory.GetFiles(Path.Combine(Root, ".sessions"), "*.json").Select(File.ReadAllText));

    public JsonNode ReadJson(string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, relative))) ?? throw new InvalidDataException(relative);

    public static JsonNode Json(string output) => JsonNode.Parse(output) ?? throw new InvalidDataException(output);
}
