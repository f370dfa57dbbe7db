using SessionHooks.Records;

namespace SessionHooks.Context;

/// <summary>What an assistant loads at the start of its work, gathered from the session files.</summary>
internal sealed record AssistantContext(
    string? Branch,
    string? SessionId,
    string Focus,
    string? Status,
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> PendingTasks,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> RepositoryNotes,
    IReadOnlyList<string> SessionNotes,
    IReadOnlyList<CachedFile> KnowledgeCache,
    IReadOnlyList<Session> BranchSessions,
    IReadOnlyList<Session> OtherSessions,
    IReadOnlyList<BacklogItem> Backlog)
{
    /// <summary>The version of the <c>context --format json</c> output; raised when a field changes meaning.</summary>
    public const int SchemaVersion = 1;
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
