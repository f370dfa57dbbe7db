using SessionHooks.Records;

namespace SessionHooks.Context;

/// <summary>
/// What an assistant loads at the start of its work, gathered from the session files, most
/// important first: the focus, what the last session handed over, the open tasks, the latest
/// decisions, the notes, the knowledge cache, earlier sessions. <see cref="ContextBudget"/> drops
/// from the end of that order to keep within a size, and <see cref="Dropped"/> says what went.
/// </summary>
internal sealed record AssistantContext(
    string? Branch,
    string? SessionId,
    string Focus,
    string? Status,
    IReadOnlyList<string> Issues)
{
    /// <summary>The version of the <c>context --format json</c> output; raised when a field changes meaning.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The branch's last ended session, when it ended as a handoff: its summary is the first thing to read.</summary>
    public Session? Handoff { get; init; }

    /// <summary>Open tasks and ideas of the repository, this session's first, by priority.</summary>
    public IReadOnlyList<BacklogItem> Tasks { get; init; } = [];

    /// <summary>Decisions of this session and the branch's latest earlier ones, newest first.</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];

    public IReadOnlyList<string> RepositoryNotes { get; init; } = [];

    public IReadOnlyList<string> SessionNotes { get; init; } = [];

    public IReadOnlyList<CachedFile> KnowledgeCache { get; init; } = [];

    public IReadOnlyList<Session> BranchSessions { get; init; } = [];

    public IReadOnlyList<Session> OtherSessions { get; init; } = [];

    /// <summary>With <c>--since</c>: what happened since a session or a commit.</summary>
    public SinceReport? Since { get; init; }

    /// <summary>What was left out to keep within the size asked for, one phrase each ("3 sessions of other branches").</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>The size asked for, when one was.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>The open tasks in this session's own backlog (the <c>pending_tasks</c> of the JSON output).</summary>
    public IReadOnlyList<string> PendingTasks { get; init; } = [];
}

/// <summary>A knowledge-cache entry; <see cref="Content"/> only with <c>--include-files</c>.</summary>
internal sealed record CachedFile(string Path, string Scope, CachedFileState State, string? Content = null);

internal enum CachedFileState
{
    /// <summary>Listed by path only.</summary>
    Listed,
    Included,
    Truncated,
    Missing,
    Binary,
    OutsideRepository,
    OverBudget,

    /// <summary>Reports no size: empty, or not a regular file (a FIFO, a device); not opened.</summary>
    Empty,

    /// <summary>A folder, not a file.</summary>
    NotAFile,
}
