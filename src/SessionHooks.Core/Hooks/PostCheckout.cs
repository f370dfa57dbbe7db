using SessionHooks.Workflows;
using SessionHooks.Git;

namespace SessionHooks.Hooks;

/// <summary>
/// post-checkout: on a branch checkout, points current_session.json at the branch's session.
/// Touches no tracked file, so switching branches can never fail because of it.
/// </summary>
public static class PostCheckout
{
    public static HookOutcome Run(SessionContext context, string previousHead, string newHead, string flag)
    {
        if (flag != "1")
        {
            return HookOutcome.Skipped("file checkout");
        }

        if (context.Git.Operation != InProgressOperation.None)
        {
            return HookOutcome.Skipped($"{context.Git.Operation} in progress");
        }

        return Resync(context, previousHead, newHead);
    }

    /// <summary>Points current_session.json at the session of the branch checked out now.</summary>
    public static HookOutcome Resync(SessionContext context, string previousHead = "", string newHead = "")
    {
        var head = context.Git.Head;
        var sessions = context.Store.ReadAiSessions();
        if (sessions.HasErrors)
        {
            return HookOutcome.Warn(sessions.Diagnostics);
        }

        var previous = context.Store.ReadCurrentSession();
        var current = SessionResolver.Resolve(head, sessions.Value, previous.Value, context.Pending, context.Now);
        context.Store.UpdateCurrentSession(_ => current);
        context.Log.Information("post-checkout {Previous}..{New} on {Branch}: session {Session}", previousHead, newHead, head.Branch, current.Metadata.SessionId);
        return HookOutcome.Done($"session {current.Metadata.SessionId} on {head.Branch ?? "detached HEAD"}");
    }
}
