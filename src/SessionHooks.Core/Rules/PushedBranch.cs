using SessionHooks.Git;
using SessionHooks.Hooks;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Rules;

/// <summary>What one ref update of a push sends, and what the rules judge it by.</summary>
internal sealed class PushedBranch
{
    public required SessionContext Context { get; init; }

    public required PushUpdate Update { get; init; }

    /// <summary>The local branch pushed; null for a tag or a detached commit, whose records are only checked for validity.</summary>
    public required string? Branch { get; init; }

    /// <summary>True when <see cref="Branch"/> is checked out in this worktree.</summary>
    public required bool IsCheckedOut { get; init; }

    /// <summary>The commits the push sends, newest first.</summary>
    public required IReadOnlyList<CommitInfo> Commits { get; init; }

    /// <summary>The records as the pushed commit holds them.</summary>
    public required PushedRecords Records { get; init; }

    /// <summary>The records as this worktree holds them, read once for every rule and ref of the push (<c>ai_sessions.json</c> is read tolerantly).</summary>
    public RecordView Worktree => Records.Worktree;

    public GitRepository Git => Context.Git;

    public SessionConfig Config => Context.Config;
}
