using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Hooks.Tests;

/// <summary>A real repository with SessionHooks installed by the real <c>session install</c>, and a bare remote.</summary>
public sealed class HookedRepository
{
    private HookedRepository(TempRepository repository) => Repo = repository;

    public static string HooksFolder => InstalledRepository.HooksFolder;

    public TempRepository Repo { get; }

    public string Root => Repo.Root;

    public string Remote { get; private set; } = "";

    /// <summary>git init, a first commit, <c>session install</c>, the install committed through the hooks, and a bare remote.</summary>
    public static HookedRepository Create(string? suffix = null)
    {
        var installed = InstalledRepository.Create(suffix);
        return new HookedRepository(installed.Repo) { Remote = installed.Remote };
    }

    public ProcessResult Session(params string[] arguments) => SessionIn(Root, arguments);

    public ProcessResult SessionIn(string directory, params string[] arguments) =>
        InstalledRepository.Session(Repo, directory, arguments);

    public string Run(params string[] arguments) => Repo.Run(arguments);

    public ProcessResult Try(params string[] arguments) => Repo.Try(arguments);

    public ProcessResult TryWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Repo.Git.TryWith(Root, environment, null, arguments);

    public JsonNode CurrentSession(string? worktree = null) => ReadJson(worktree ?? Root, ".sessions/current_session.json");

    public JsonNode Sessions() => ReadJson(Root, ".sessions/ai_sessions.json");

    public JsonArray Entries() => ReadJson(Root, ".sessions/worklog.json")["entries"]!.AsArray();

    public string CurrentSessionId(string? worktree = null) => (string)CurrentSession(worktree)["metadata"]!["session_id"]!;

    /// <summary>Tracked files git shows as modified or staged (untracked ones ignored).</summary>
    public string TrackedChanges() => string.Join('\n', Run("status", "--porcelain", "--untracked-files=no").Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public static JsonNode ReadJson(string root, string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(root, relative))) ?? throw new InvalidDataException(relative);

    public static string[] Paths(JsonNode entry) =>
        [.. entry["files"]!.AsArray().Select(f => (string)f!["path"]!)];
}
