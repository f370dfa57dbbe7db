using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>
/// What one session has in the pending area: the entries logged and the changes made to the
/// session since its last commit, until a commit records them (docs/records.md). The session is
/// kept as it was when the change began (<see cref="Base"/>) and as it is now (<see cref="Changed"/>),
/// so a commit applies just what changed here onto whatever the committed session has become.
/// </summary>
internal sealed class PendingSession
{
    [JsonPropertyName("session")]
    public string SessionId { get; set; } = "";

    /// <summary>The committed session when the change began; null for a session started here.</summary>
    [JsonPropertyName("base")]
    public Session? Base { get; set; }

    /// <summary>The session as changed here; null when only entries are pending.</summary>
    [JsonPropertyName("changed")]
    public Session? Changed { get; set; }

    /// <summary>
    /// True once a person or an assistant changed the session (ended it, added a note); a session
    /// only started by a checkout waits for the branch's first commit and blocks no push.
    /// </summary>
    [JsonPropertyName("changed_by_hand")]
    public bool ChangedByHand { get; set; }

    [JsonPropertyName("entries")]
    public List<WorklogEntry> Entries { get; set; } = [];

    [JsonIgnore]
    public bool IsEmpty => Changed is null && Entries.Count == 0;

    /// <summary>Entries a push should not leave behind: what people and assistants wrote, not history or prompts.</summary>
    [JsonIgnore]
    public IEnumerable<WorklogEntry> HandEntries => Entries.Where(e => IsHandKind(e.Kind));

    /// <summary>True when something here is the work of a person and should reach the remote with the push.</summary>
    [JsonIgnore]
    public bool HasHandWork => ChangedByHand || HandEntries.Any();

    public static bool IsHandKind(WorklogKind kind) =>
        kind is not (WorklogKind.Commit or WorklogKind.Merge or WorklogKind.Prompt or WorklogKind.Event);
}

/// <summary>The repository-wide lists of <c>ai_sessions.json</c> as changed here, each with its base; null where unchanged.</summary>
internal sealed class PendingRepository
{
    [JsonPropertyName("base_knowledge_cache")]
    public List<string>? BaseKnowledgeCache { get; set; }

    [JsonPropertyName("knowledge_cache")]
    public List<string>? KnowledgeCache { get; set; }

    [JsonPropertyName("base_context_notes")]
    public List<string>? BaseContextNotes { get; set; }

    [JsonPropertyName("context_notes")]
    public List<string>? ContextNotes { get; set; }

    [JsonIgnore]
    public bool IsEmpty => KnowledgeCache is null && ContextNotes is null;
}
