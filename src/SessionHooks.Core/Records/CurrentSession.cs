using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionHooks.Records;

/// <summary><c>current_session.json</c>: the active session of this worktree's branch. Never committed.</summary>
internal sealed class CurrentSession : SessionFile
{
    [JsonPropertyName("metadata")]
    public CurrentSessionMetadata Metadata { get; set; } = new();

    [JsonPropertyName("context")]
    public CurrentSessionContext Context { get; set; } = new();
}

internal sealed class CurrentSessionMetadata
{
    [JsonPropertyName("session_id")]
    public string SessionId { get; set; } = "";

    [JsonPropertyName("session_start")]
    public DateTimeOffset SessionStart { get; set; }

    [JsonPropertyName("last_updated")]
    public DateTimeOffset LastUpdated { get; set; }

    [JsonPropertyName("main_topic")]
    public string MainTopic { get; set; } = "";

    [JsonPropertyName("linked_issues")]
    public List<string> LinkedIssues { get; set; } = [];

    [JsonPropertyName("environment")]
    public SessionEnvironment Environment { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class SessionEnvironment
{
    /// <summary>Null on a detached HEAD.</summary>
    [JsonPropertyName("branch")]
    public string? Branch { get; set; }

    /// <summary>Null on an unborn branch.</summary>
    [JsonPropertyName("last_commit")]
    public string? LastCommit { get; set; }

    [JsonPropertyName("machine")]
    public string Machine { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class CurrentSessionContext
{
    [JsonPropertyName("active_files")]
    public List<string> ActiveFiles { get; set; } = [];

    [JsonPropertyName("recent_changes")]
    public List<string> RecentChanges { get; set; } = [];

    [JsonPropertyName("pending_tasks")]
    public List<string> PendingTasks { get; set; } = [];

    [JsonPropertyName("decisions")]
    public List<string> Decisions { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
