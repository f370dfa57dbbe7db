using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary><c>ai_sessions.json</c>: every session, plus repository-wide context.</summary>
internal sealed class AiSessions : SessionFile
{
    [JsonPropertyName("knowledge_cache")]
    public List<string> KnowledgeCache { get; set; } = [];

    [JsonPropertyName("context_notes")]
    public List<string> ContextNotes { get; set; } = [];

    [JsonPropertyName("sessions")]
    public List<Session> Sessions { get; set; } = [];

    public Session? Find(string id) => Sessions.Find(s => s.Id == id);
}

internal sealed class Session
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Null for a session started on a detached HEAD.</summary>
    [JsonPropertyName("branch")]
    public string? Branch { get; set; }

    [JsonPropertyName("title")]
    public string Title { get; set; } = "";

    [JsonPropertyName("type")]
    public SessionType Type { get; set; } = SessionType.Development;

    [JsonPropertyName("status")]
    public SessionStatus Status { get; set; } = SessionStatus.Active;

    /// <summary>Set once, when the session starts; never changed afterwards.</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; set; }

    [JsonPropertyName("last_updated")]
    public DateTimeOffset LastUpdated { get; set; }

    [JsonPropertyName("author")]
    public string? Author { get; set; }

    /// <summary>The assistant or model that worked in the session, when one did.</summary>
    [JsonPropertyName("agent")]
    public string? Agent { get; set; }

    [JsonPropertyName("issues")]
    public List<string> Issues { get; set; } = [];

    [JsonPropertyName("related_sessions")]
    public List<string> RelatedSessions { get; set; } = [];

    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    [JsonPropertyName("knowledge_cache")]
    public List<string> KnowledgeCache { get; set; } = [];

    [JsonPropertyName("context_notes")]
    public List<string> ContextNotes { get; set; } = [];

    [JsonPropertyName("backlog")]
    public List<BacklogItem> Backlog { get; set; } = [];

    /// <summary>The assistants' own sessions that worked in this one (Claude Code's session ids, …); null when none did.</summary>
    [JsonPropertyName("assistant_sessions")]
    public List<AssistantSession>? AssistantSessions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// True while the session takes new work: a handoff is ended for whoever worked in it ("ready
    /// for the next agent"), so the branch's next commit starts the session that continues it.
    /// </summary>
    [JsonIgnore]
    public bool IsOpen => Status == SessionStatus.Active;
}

internal sealed class BacklogItem
{
    [JsonPropertyName("text")]
    public string Text { get; set; } = "";

    [JsonPropertyName("kind")]
    public BacklogKind Kind { get; set; } = BacklogKind.Task;

    [JsonPropertyName("priority")]
    public Priority Priority { get; set; } = Priority.Medium;

    /// <summary>The session the item was first noted in.</summary>
    [JsonPropertyName("from_session")]
    public string? FromSession { get; set; }

    /// <summary>True once the item is no longer open: done, or dropped (<see cref="Status"/> says which).</summary>
    [JsonPropertyName("done")]
    public bool Done { get; set; }

    // The task lifecycle (session task …). Every field is optional: an item written before it reads
    // as open, or as done when Done is set.

    /// <summary>A short id such as <c>t-4kq9m</c>, for commands and commit messages; given when the item is first handled as a task.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("status")]
    public TaskState? Status { get; set; }

    [JsonPropertyName("estimate_minutes")]
    public int? EstimateMinutes { get; set; }

    /// <summary>Minutes actually spent: given by hand, or measured from <see cref="Started"/> to <see cref="Finished"/>.</summary>
    [JsonPropertyName("actual_minutes")]
    public int? ActualMinutes { get; set; }

    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; set; }

    [JsonPropertyName("started")]
    public DateTimeOffset? Started { get; set; }

    /// <summary>When it was done or dropped.</summary>
    [JsonPropertyName("finished")]
    public DateTimeOffset? Finished { get; set; }

    /// <summary>Why it is blocked, or why it was dropped.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Commits that mention the task's id, found when it was done.</summary>
    [JsonPropertyName("commits")]
    public List<string>? Commits { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Where the item is in its life; an item without a status is open, or done when <see cref="Done"/> is set.</summary>
    [JsonIgnore]
    public TaskState State => Status ?? (Done ? TaskState.Done : TaskState.Open);

    /// <summary>True while the item is still to do: open, in progress or blocked.</summary>
    [JsonIgnore]
    public bool IsOpen => !Done && State is TaskState.Open or TaskState.InProgress or TaskState.Blocked;
}

/// <summary>A task moves open → in_progress → done, may be blocked on the way, or is dropped.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<TaskState>))]
internal enum TaskState
{
    Open,
    InProgress,
    Blocked,
    Done,
    Dropped,
}

/// <summary>An assistant's own session (Claude Code's <c>session_id</c>, …) that worked in a SessionHooks session.</summary>
internal sealed class AssistantSession
{
    /// <summary>Which assistant: <c>claude</c>, …</summary>
    [JsonPropertyName("assistant")]
    public string Assistant { get; set; } = "";

    /// <summary>The assistant's id for its session.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("started")]
    public DateTimeOffset Started { get; set; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<SessionType>))]
internal enum SessionType
{
    Development,
    User,
    System,
    Integration,
}

/// <summary>A session moves active → handoff → completed, or ends abandoned.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SessionStatus>))]
internal enum SessionStatus
{
    Active,
    Handoff,
    Completed,
    Abandoned,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<Priority>))]
internal enum Priority
{
    High,
    Medium,
    Low,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<BacklogKind>))]
internal enum BacklogKind
{
    Task,
    Idea,
}
