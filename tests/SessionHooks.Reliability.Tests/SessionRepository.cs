using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Reliability.Tests;

/// <summary>A real repository with SessionHooks installed by the real <c>session install</c>, committed, and a bare remote.</summary>
public sealed class SessionRepository
{
    private SessionRepository(TempRepository repository)
    {
        Repo = repository;
        GitDir = repository.GitDir();
    }

    /// <summary>The folder holding <c>session</c> and the hook programs (this test assembly's own).</summary>
    public static string HooksFolder => InstalledRepository.HooksFolder;

    public static string SessionDll => InstalledRepository.SessionDll;

    public TempRepository Repo { get; }

    public string Root => Repo.Root;

    public string GitDir { get; }

    public string Remote { get; private set; } = "";

    public static SessionRepository Create(string? suffix = null)
    {
        var installed = InstalledRepository.Create(suffix);
        return new SessionRepository(installed.Repo) { Remote = installed.Remote };
    }

    public string SessionsFolder => Path.Combine(Root, ".sessions");

    /// <summary>A record's file in the worktree, from its path under <c>.sessions/</c>.</summary>
    public string PathOf(string fileName) => Path.Combine(SessionsFolder, fileName);

    /// <summary>What was logged and not yet recorded by a commit, one file per session (docs/records.md).</summary>
    public string PendingFolder => Path.Combine(GitDir, "sessionhooks", "pending");

    /// <summary>The records of a commit between pre-commit and post-commit.</summary>
    public string CommitInProgressFolder => Path.Combine(GitDir, "sessionhooks", "commit");

    public ProcessResult Session(params string[] arguments) => InstalledRepository.Session(Repo, Root, arguments);

    public string Run(params string[] arguments) => Repo.Run(arguments);

    public ProcessResult Try(params string[] arguments) => Repo.Try(arguments);

    public ProcessResult TryWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Repo.Git.TryWith(Root, environment, null, arguments);

    /// <summary>A commit of what is staged made with the hooks switched off, as before install or on a machine without them.</summary>
    public void CommitWithoutHooks(string message) =>
        GitRunner.Check(TryWith(new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, "commit", "-q", "-m", message));

    /// <summary>The worklog files of the worktree (format 2), as paths under <c>.sessions/</c>, with forward slashes.</summary>
    public List<string> WorklogFiles()
    {
        var folder = PathOf("worklog");
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(SessionsFolder, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)];
    }

    /// <summary>The pending area's files of sessions (not the repository-wide lists), as full paths.</summary>
    public List<string> PendingFiles() =>
        !Directory.Exists(PendingFolder)
            ? []
            : [.. Directory.EnumerateFiles(PendingFolder, "*.json").Where(f => Path.GetFileName(f) != "repository.json").Order(StringComparer.Ordinal)];

    /// <summary>Entries commits recorded, as the worktree holds them: every worklog file's, and format 1's worklog.json's if there is one. An id may appear twice.</summary>
    public List<JsonNode> RecordedEntries() =>
        [.. WorklogFiles().Append("worklog.json").Where(f => File.Exists(PathOf(f))).SelectMany(f => EntriesOf(File.ReadAllText(PathOf(f))))];

    /// <summary>Entries waiting in the pending area for the next commit.</summary>
    public List<JsonNode> PendingEntries() => [.. PendingFiles().SelectMany(f => EntriesOf(File.ReadAllText(f)))];

    /// <summary>Every entry of the records, recorded or pending, each id once.</summary>
    public List<JsonNode> Entries() => [.. RecordedEntries().Concat(PendingEntries()).DistinctBy(e => (string?)e["id"])];

    public HashSet<string> EntryIds() => [.. Entries().Select(e => (string)e["id"]!)];

    /// <summary>The sessions of the worktree's <c>ai_sessions.json</c> (those a commit registered).</summary>
    public JsonArray Sessions() => ReadJson("ai_sessions.json")["sessions"]!.AsArray();

    public HashSet<string> SessionIds() => [.. Sessions().Select(s => (string)s!["id"]!)];

    public string CurrentSessionId() => (string)ReadJson("current_session.json")["metadata"]!["session_id"]!;

    /// <summary>The session a commit's <c>Session-Id</c> trailer names, as git's own trailer parser reads it; empty when none.</summary>
    public string TrailerOf(string revision = "HEAD") =>
        Run("log", "-1", "--format=%(trailers:key=Session-Id,valueonly,separator=%x2C)", revision).Trim();

    /// <summary>The files a commit changed, as git names them (no quoting: -z).</summary>
    public string[] CommittedFiles(string revision = "HEAD") =>
        Run("show", "-z", "--name-only", "--format=", revision).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The paths of a commit's tree under <paramref name="folder"/>.</summary>
    public string[] FilesAt(string revision, string folder) =>
        Run("ls-tree", "-r", "-z", "--name-only", revision, "--", folder).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    public JsonNode ReadJson(string fileName) =>
        JsonNode.Parse(File.ReadAllText(PathOf(fileName))) ?? throw new InvalidDataException(fileName);

    /// <summary>
    /// Logs an entry of <paramref name="kind"/> with <c>session log</c> and records it with the next
    /// commit through the hooks, one of a file named for it; returns the entry's id.
    /// </summary>
    public string CommitEntry(string kind, string text)
    {
        var id = LogEntry(kind, text);
        Repo.Commit($"{kind}-{id}.txt", text + "\n", text);
        return id;
    }

    /// <summary>Runs <c>session log</c>; returns the id it acknowledged.</summary>
    public string LogEntry(string kind, string text)
    {
        var logged = GitRunner.Check(Session("log", kind, text));
        return LoggedId(logged.StandardOutput);
    }

    /// <summary>The id in <c>session log</c>'s answer, "Logged &lt;kind&gt; &lt;id&gt; in session &lt;session&gt;".</summary>
    public static string LoggedId(string output) => output.Split(' ')[2];

    /// <summary>The validation verdict a user would get: exit code and output.</summary>
    public ProcessResult Validate() => Session("validate");

    private static IEnumerable<JsonNode> EntriesOf(string json) =>
        JsonNode.Parse(json)!["entries"]?.AsArray().OfType<JsonNode>() ?? [];
}
