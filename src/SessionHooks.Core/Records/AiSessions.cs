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

    [JsonPropertyName("done")]
    public bool Done { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
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
