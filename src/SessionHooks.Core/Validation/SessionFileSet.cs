using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>A session file as read: its model, and the bytes and path its diagnostics point into (decoded only to place one).</summary>
internal sealed record SessionDocument<T>(T Value, byte[] Bytes, string DisplayPath)
    where T : class;

/// <summary>
/// The session files checked together, each absent when it does not exist or could not be read:
/// <c>ai_sessions.json</c>, worklog files (a session's, or format 1's single one),
/// <c>current_session.json</c>, and the archive of ended sessions.
/// </summary>
internal sealed record SessionFileSet(
    SessionDocument<AiSessions>? AiSessions = null,
    IReadOnlyList<SessionDocument<Worklog>>? Worklogs = null,
    SessionDocument<CurrentSession>? CurrentSession = null)
{
    /// <summary>The archive (<c>.sessions/archive/ai_sessions.json</c>): its sessions are known too.</summary>
    public SessionDocument<AiSessions>? Archive { get; init; }
}

/// <summary>Which cross-file rules run, and what else counts as known.</summary>
internal sealed record CrossFileRuleOptions
{
    /// <summary>
    /// Whether current_session.json's session must be in ai_sessions.json (SH3004). A session
    /// started on checkout is registered only by the branch's first commit, so checks made before
    /// a commit (pre-commit, a build) turn this off.
    /// </summary>
    public bool RequireCurrentSessionRegistered { get; init; } = true;

    /// <summary>Sessions known beyond ai_sessions.json: those started here and waiting for a commit.</summary>
    public IReadOnlySet<string> PendingSessions { get; init; } = new HashSet<string>();
}
