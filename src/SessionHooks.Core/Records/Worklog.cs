using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary><c>worklog.json</c>: what happened, entry by entry, oldest first.</summary>
public sealed class Worklog : SessionFile
{
    [JsonPropertyName("entries")]
    public List<WorklogEntry> Entries { get; set; } = [];
}

public sealed class WorklogEntry
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

    /// <summary>The commit id, known only for entries written after the commit (backfilled by recover).</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; set; }

    [JsonPropertyName("backfilled")]
    public bool? Backfilled { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class FileChange
{
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    [JsonPropertyName("change")]
    public ChangeKind Change { get; set; }

    /// <summary>Renames and copies: where the file came from.</summary>
    [JsonPropertyName("from")]
    public string? From { get; set; }
}

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
public enum WorklogKind
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
}
