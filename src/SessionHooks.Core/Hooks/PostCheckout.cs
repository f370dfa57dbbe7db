using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Workflows;

namespace SessionHooks.Hooks;

/// <summary>
/// post-checkout: on a branch checkout, points <c>current_session.json</c> at the branch's session,
/// rebuilt from the records (its decisions and open tasks come back with it). Touches no tracked
/// file, so switching branches can never fail because of it; a new session waits in the pending
/// area for the branch's first commit.
/// </summary>
internal static class PostCheckout
{
    public static HookOutcome Run(SessionContext context, string previousHead, string newHead, string flag)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (flag != "1")
        {
            return HookOutcome.Skipped("file checkout");
        }

        if (context.Git.Operation != InProgressOperation.None)
        {
            return HookOutcome.Skipped($"{context.Git.Operation} in progress");
        }

        CommitRecorder.Settle(context, newCommit: false);
        return Resync(context, previousHead, newHead);
    }

    /// <summary>Points <c>current_session.json</c> at the session of the branch checked out now.</summary>
    public static HookOutcome Resync(SessionContext context, string previousHead = "", string newHead = "")
    {
        ArgumentNullException.ThrowIfNull(context);
        var head = context.Git.Head;
        var read = context.Store.ReadCurrentSession();
        using var held = context.Store.LockAll();
        RecordView view;
        Session? session;
        try
        {
            // The sessions it may come to, not the registry of a thousand: the one current_session.json
            // names and the branch's. Only a branch with no open session needs them all (a new session
            // inherits their open tasks).
            var named = read.Value?.Metadata.SessionId;
            view = RecordView.ReadOnlyOf(context.Store, (id, branch) => id == named || (branch is not null && branch == head.Branch));
            session = SessionResolver.Existing(view, head, read.Value);
            if (session is null)
            {
                view = view.IsSelection ? RecordView.Read(context.Store) : view;
                session = SessionResolver.Resolve(context, view, head, read.Value);
            }
        }
        catch (Diagnostics.SessionHooksException exception)
        {
            return HookOutcome.Warn([exception.Diagnostic]);
        }

        view.Save();
        context.Store.WriteCurrentSession(CurrentSessionCache.Build(view, session, head, read.Value, context.Now));
        context.Log.Information("post-checkout {Previous}..{New} on {Branch}: session {Session}", previousHead, newHead, head.Branch, session.Id);
        return HookOutcome.Done($"session {session.Id} on {head.Branch ?? "detached HEAD"}");
    }
}
