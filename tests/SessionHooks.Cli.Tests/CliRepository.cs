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

    /// <summary>Every entry of the records: the worklog files' and the pending area's, each id once.</summary>
    public List<JsonNode> Entries() =>
        [.. WorklogFiles().Order(StringComparer.Ordinal).Concat(PendingFiles()).SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]?.AsArray() ?? [])
            .OfType<JsonNode>()
            .DistinctBy(e => (string?)e["id"])];

    /// <summary>The entries waiting in the pending area for the next commit.</summary>
    public List<JsonNode> PendingEntries() =>
        [.. PendingFiles().SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]?.AsArray() ?? []).OfType<JsonNode>()];

    public string CurrentSessionId() => (string)CurrentSession()["metadata"]!["session_id"]!;

    /// <summary>A session as it stands: changed in the pending area, or as committed.</summary>
    public JsonNode SessionRecord(string id)
    {
        var pending = Path.Combine(PendingFolder, id + ".json");
        if (File.Exists(pending) && JsonNode.Parse(File.ReadAllText(pending))!["changed"] is { } changed)
        {
            return changed;
        }

        return Sessions()["sessions"]!.AsArray().Single(s => (string?)s!["id"] == id)!;
    }

    /// <summary>Every file SessionHooks writes records to, as text, to prove what never reached them.</summary>
    public string AllSessionFiles() =>
        string.Concat(Directory.GetFiles(Path.Combine(Root, ".sessions"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("schemas", StringComparison.Ordinal))
            .Concat(PendingFiles())
            .Select(File.ReadAllText));

    private string PendingFolder => Path.Combine(Repo.GitDir(), "sessionhooks", "pending");

    private string[] PendingFiles() =>
        Directory.Exists(PendingFolder) ? Directory.GetFiles(PendingFolder, "*.json") : [];

    private string[] WorklogFiles()
    {
        var folder = Path.Combine(Root, ".sessions", "worklog");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories) : [];
    }

    public JsonNode ReadJson(string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, relative))) ?? throw new InvalidDataException(relative);

    public static JsonNode Json(string output) => JsonNode.Parse(output) ?? throw new InvalidDataException(output);
}
