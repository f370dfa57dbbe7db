using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>A session file as read: its model, and the text and path its diagnostics point into.</summary>
public sealed record SessionDocument<T>(T Value, string Text, string DisplayPath)
    where T : class;

/// <summary>The session files of one worktree, each absent when it does not exist or could not be read.</summary>
public sealed record SessionFileSet(
    SessionDocument<AiSessions>? AiSessions = null,
    SessionDocument<Worklog>? Worklog = null,
    SessionDocument<CurrentSession>? CurrentSession = null);

/// <summary>Which cross-file rules run.</summary>
public sealed record CrossFileRuleOptions
{
    /// <summary>
    /// Whether current_session.json's session must be in ai_sessions.json (SH3004). A session
    /// started on checkout is registered only by the branch's first commit, so checks made before
    /// a commit (pre-commit, a build) turn this off.
    /// </summary>
    public bool RequireCurrentSessionRegistered { get; init; } = true;
}
