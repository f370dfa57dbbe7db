using SessionHooks.Git;
using SessionHooks.Records;

namespace SessionHooks.Context;

/// <summary>
/// What happened since a session or a commit (<c>session context --since</c>), for "what changed
/// since I last looked": the commits made since, the sessions started or ended since, the entries
/// logged since, and the tasks added and done since. Lists are newest first.
/// </summary>
internal sealed record SinceReport(string Reference, DateTimeOffset Time)
{
    public IReadOnlyList<CommitInfo> Commits { get; init; } = [];

    public IReadOnlyList<Session> Sessions { get; init; } = [];

    /// <summary>Entries written by people and assistants (decisions, problems, notes, sources, …), not commits or prompts.</summary>
    public IReadOnlyList<WorklogEntry> Entries { get; init; } = [];

    public IReadOnlyList<BacklogItem> TasksDone { get; init; } = [];

    public IReadOnlyList<BacklogItem> TasksAdded { get; init; } = [];
}
