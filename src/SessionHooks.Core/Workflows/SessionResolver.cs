using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// Decides which session the checked-out branch is in: the one <c>current_session.json</c> names
/// when it still belongs to the branch and is open, else the branch's open session (committed, or
/// started here and not yet committed), else a new one, started in the pending area.
/// </summary>
internal static class SessionResolver
{
    /// <summary>The branch's session; a new one is added to <paramref name="view"/> (the caller saves it).</summary>
    /// <param name="handedOff">
    /// Take the session <paramref name="current"/> names even when it was handed off: ending it again
    /// completes it (active → handoff → completed). Work, on the other hand, goes to a new session.
    /// </param>
    public static Session Resolve(SessionContext context, RecordView view, HeadInfo head, CurrentSession? current, bool handedOff = false)
    {
        if (Existing(view, head, current, handedOff) is { } existing)
        {
            return existing;
        }

        var session = SessionFactory.New(view, head.Branch, AuthorOf(context), context.Config, context.Now);
        view.Start(session, byHand: false);
        return session;
    }

    /// <summary>
    /// The session <see cref="Resolve"/> finds without starting one: <paramref name="current"/>'s when
    /// it is in step (or handed off, when asked), the one a detached HEAD carries, or the branch's
    /// open session. It needs only those sessions (<see cref="RecordView.ReadOnlyOf"/>).
    /// </summary>
    public static Session? Existing(RecordView view, HeadInfo head, CurrentSession? current, bool handedOff = false)
    {
        if (current is not null && InStep(current, head, view) is { } same)
        {
            return same;
        }

        if (handedOff && current is not null && current.Metadata.Environment.Branch == head.Branch
            && view.Find(current.Metadata.SessionId) is { Status: SessionStatus.Handoff } handed)
        {
            return handed;
        }

        if (head.Branch is null && view.Find(current?.Metadata.SessionId) is { } carried)
        {
            // A detached HEAD (inspecting a commit, bisecting) carries the session along.
            return carried;
        }

        return view.OpenSessionOf(head.Branch);
    }

    /// <summary>The session <paramref name="current"/> names, when it is open and of the checked-out branch.</summary>
    public static Session? InStep(CurrentSession current, HeadInfo head, RecordView view) =>
        current.Metadata.Environment.Branch == head.Branch
        && view.Find(current.Metadata.SessionId) is { IsOpen: true } session
        && session.Branch == head.Branch
            ? session
            : null;

    /// <summary>Who is working, as git would record them; null when git does not know.</summary>
    public static string? AuthorOf(SessionContext context)
    {
        try
        {
            var identity = context.Git.Identity();
            return $"{identity.Name} <{identity.Email}>";
        }
        catch (Diagnostics.SessionHooksException)
        {
            // Who started a session is a nicety; an unconfigured identity must not stop the work.
            return null;
        }
    }
}
