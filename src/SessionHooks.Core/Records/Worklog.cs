using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// A worklog file: entries, oldest first. In format 2 one session's file under
/// <c>.sessions/worklog/&lt;session-id&gt;/</c>, written once; in format 1 the single
/// <c>.sessions/worklog.json</c>, which the next commit splits (docs/records.md).
/// </summary>
internal sealed class Worklog : SessionFile
{
    [JsonPropertyName("entries")]
    public List<WorklogEntry> Entries { get; set; } = [];
}

internal sealed class WorklogEntry
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("session")]
    public string Session { get; set; } = "";

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("kind")]
    public WorklogKind Kind { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("author")]
    public string? Author { get; set; }

    /// <summary>Commit and merge entries: the branch committed on (null on a detached HEAD).</summary>
    [JsonPropertyName("branch")]
    public string? Branch { get; set; }

    /// <summary>Commit and merge entries: the first parent, or null for a root commit.</summary>
    [JsonPropertyName("parent")]
    public string? Parent { get; set; }

    /// <summary>Merge entries: every parent after the first.</summary>
    [JsonPropertyName("merged")]
    public List<string>? Merged { get; set; }

    [JsonPropertyName("files")]
    public List<FileChange>? Files { get; set; }

    /// <summary>Commit and merge entries recorded after the commit (replaced, backfilled): its id.</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; set; }

    /// <summary>True for a commit made without the hooks, recorded later by <c>session recover</c>.</summary>
    [JsonPropertyName("backfilled")]
    public bool? Backfilled { get; set; }

    /// <summary>A commit a rewrite (amend, rebase, squash) replaced: the commit that holds its work now.</summary>
    [JsonPropertyName("replaced_by")]
    public string? ReplacedBy { get; set; }

    /// <summary>The backlog task the entry is about (<c>t-4kq9m</c>), for task entries.</summary>
    [JsonPropertyName("task")]
    public string? Task { get; set; }

    /// <summary>Entries an assistant's hooks wrote (prompts, what it touched): which assistant and session.</summary>
    [JsonPropertyName("assistant")]
    public AssistantRef? Assistant { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An assistant's session, as an entry names it.</summary>
internal sealed class AssistantRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("session_id")]
    public string SessionId { get; set; } = "";
}

internal sealed class FileChange
{
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    [JsonPropertyName("change")]
    public ChangeKind Change { get; set; }

    /// <summary>Renames and copies: where the file came from.</summary>
    [JsonPropertyName("from")]
    public string? From { get; set; }
}

// Public, unlike the rest of Core: NUnit test cases take it as a parameter, and they must be public.
[JsonConverter(typeof(SnakeCaseEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    Added,
    Modified,
    Deleted,
    Renamed,
    Copied,
    TypeChanged,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<WorklogKind>))]
internal enum WorklogKind
{
    Commit,
    Merge,
    Event,
    Decision,
    Insight,
    Idea,
    Task,
    Problem,
    Milestone,
    Prompt,
    Crash,
    Note,
    Source,
}
