using System.Text.Json.Nodes;
using SessionHooks.Ids;
using SessionHooks.Testing;

namespace SessionHooks.Reliability.Tests;

/// <summary>A real repository with SessionHooks installed by the real <c>session install</c>, committed, and a bare remote.</summary>
public sealed class SessionRepository
{
    private SessionRepository(TempRepository repository) => Repo = repository;

    /// <summary>The folder holding <c>session</c> and the hook programs (this test assembly's own).</summary>
    public static string HooksFolder => InstalledRepository.HooksFolder;

    public static string SessionDll => InstalledRepository.SessionDll;

    public TempRepository Repo { get; }

    public string Root => Repo.Root;

    public string Remote { get; private set; } = "";

    public static SessionRepository Create(string? suffix = null)
    {
        var installed = InstalledRepository.Create(suffix);
        return new SessionRepository(installed.Repo) { Remote = installed.Remote };
    }

    public string SessionsFolder => Path.Combine(Root, ".sessions");

    public string PathOf(string fileName) => Path.Combine(SessionsFolder, fileName);

    public ProcessResult Session(params string[] arguments) => InstalledRepository.Session(Repo, Root, arguments);

    public string Run(params string[] arguments) => Repo.Run(arguments);

    public ProcessResult Try(params string[] arguments) => Repo.Try(arguments);

    public JsonArray Entries() => ReadJson("worklog.json")["entries"]!.AsArray();

    public HashSet<string> EntryIds() => [.. Entries().Select(e => (string)e!["id"]!)];

    public JsonArray Sessions() => ReadJson("ai_sessions.json")["sessions"]!.AsArray();

    public string CurrentSessionId() => (string)ReadJson("current_session.json")["metadata"]!["session_id"]!;

    public JsonNode ReadJson(string fileName) =>
        JsonNode.Parse(File.ReadAllText(PathOf(fileName))) ?? throw new InvalidDataException(fileName);

    /// <summary>
    /// Adds a hand-written entry of <paramref name="kind"/> for the current session to worklog.json
    /// and commits it through the hooks, as a person editing the file would; returns its id.
    /// </summary>
    public string CommitEntry(string kind, string text)
    {
        var worklog = ReadJson("worklog.json");
        var id = EntryId.New(DateTimeOffset.UtcNow);
        worklog["entries"]!.AsArray().Add(new JsonObject
        {
            ["id"] = id,
            ["session"] = CurrentSessionId(),
            ["time"] = SessionHooks.Records.UtcTimestampConverter.ToText(DateTimeOffset.UtcNow),
            ["kind"] = kind,
            ["text"] = text,
        });
        File.WriteAllText(PathOf("worklog.json"), worklog.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        Run("add", ".sessions/worklog.json");
        Run("commit", "-q", "-m", text);
        return id;
    }

    /// <summary>The validation verdict a user would get: exit code and output.</summary>
    public ProcessResult Validate() => Session("validate");
}
