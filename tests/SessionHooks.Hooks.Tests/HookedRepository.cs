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

    /// <summary>Another clone (or worktree) already set up, with its remote.</summary>
    public static HookedRepository Wrap(TempRepository repository, string remote) => new(repository) { Remote = remote };

    public ProcessResult Session(params string[] arguments) => SessionIn(Root, arguments);

    public ProcessResult SessionIn(string directory, params string[] arguments) =>
        InstalledRepository.Session(Repo, directory, arguments);

    public string Run(params string[] arguments) => Repo.Run(arguments);

    public ProcessResult Try(params string[] arguments) => Repo.Try(arguments);

    public ProcessResult TryWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Repo.Git.TryWith(Root, environment, null, arguments);

    /// <summary>A commit made with the hooks switched off, as before install or on a machine without them.</summary>
    public string CommitWithoutHooks(string file, string content, string message)
    {
        Repo.Write(file, content);
        Run("add", "--", file);
        GitRunner.Check(TryWith(new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, "commit", "-q", "-m", message));
        return Repo.Head();
    }

    public JsonNode CurrentSession(string? worktree = null) => ReadJson(worktree ?? Root, ".sessions/current_session.json");

    public JsonNode Sessions() => ReadJson(Root, ".sessions/ai_sessions.json");

    public string CurrentSessionId(string? worktree = null) => (string)CurrentSession(worktree)["metadata"]!["session_id"]!;

    /// <summary>The session a commit's <c>Session-Id</c> trailer names, as git's own trailer parser reads it; empty when none.</summary>
    public string TrailerOf(string revision = "HEAD") =>
        Run("log", "-1", "--format=%(trailers:key=Session-Id,valueonly,separator=%x2C)", revision).Trim();

    /// <summary>Every entry the worktree's worklog files hold (all sessions).</summary>
    public List<JsonNode> WorklogEntries(string? worktree = null)
    {
        var folder = Path.Combine(worktree ?? Root, ".sessions", "worklog");
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]!.AsArray().Select(e => e!))];
    }

    /// <summary>The worklog files a commit added.</summary>
    /// <summary>The entries of sessions <c>session archive</c> moved to <c>.sessions/archive/</c>.</summary>
    public List<JsonNode> ArchivedEntries()
    {
        var folder = Path.Combine(Root, ".sessions", "archive");
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateDirectories(folder).SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
                .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]!.AsArray().Select(e => e!))];
    }

    public string[] WorklogFilesAddedBy(string revision = "HEAD") =>
        Run("diff-tree", "-r", "--no-commit-id", "--name-only", "--diff-filter=A", revision, "--", ".sessions/worklog")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What waits in the pending area (all sessions).</summary>
    public List<JsonNode> PendingEntries()
    {
        var folder = Path.Combine(Repo.GitDir(), "sessionhooks", "pending");
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*.json").Where(f => !f.EndsWith("repository.json", StringComparison.Ordinal))
                .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]!.AsArray().Select(e => e!))];
    }

    public string[] CommittedFiles(string revision = "HEAD") =>
        Run("show", "--name-only", "--format=", revision).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Tracked files git shows as modified or staged (untracked ones ignored).</summary>
    public string TrackedChanges() => string.Join('\n', Run("status", "--porcelain", "--untracked-files=no").Split('\n', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A line of git log per commit of the branch: subject and session.</summary>
    public string[] Log(string range = "HEAD") =>
        Run("log", "--no-merges", "--format=%s | %(trailers:key=Session-Id,valueonly,separator=%x2C)", range).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static JsonNode ReadJson(string root, string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(root, relative))) ?? throw new InvalidDataException(relative);

    public static string[] Paths(JsonNode entry) =>
        [.. entry["files"]!.AsArray().Select(f => (string)f!["path"]!)];
}
