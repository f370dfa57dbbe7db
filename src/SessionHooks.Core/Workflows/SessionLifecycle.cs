using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Workflows;

/// <summary>Starting, ending and switching sessions by hand.</summary>
public static class SessionLifecycle
{
    /// <summary>
    /// Starts and registers a new session on the checked-out branch and makes it current. Nothing is
    /// closed: the branch's earlier open session stays open and is named as related.
    /// </summary>
    /// <param name="title">Already checked for secrets; null gives "Work on &lt;branch&gt;".</param>
    public static Session Start(SessionContext context, string? title, SessionType type, IReadOnlyList<string> issues)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(issues);
        using var held = context.Store.LockAll();
        var now = context.Now;
        var head = context.Git.Head;
        var sessions = OpenSession.ReadOrFail(context.Store.ReadAiSessions()) ?? PreCommit.NewSessions();
        var previous = OpenSession.ReadOrFail(context.Store.ReadCurrentSession());

        var current = SessionFactory.NewCurrent(head.Branch, head.CommitId, now);
        if (!string.IsNullOrWhiteSpace(title))
        {
            current.Metadata.MainTopic = title.Trim();
        }

        current.Metadata.LinkedIssues = [.. issues];
        var session = SessionFactory.Register(current, OpenSession.AuthorOf(context), context.Config, now);
        session.Type = type;
        if (previous is not null && sessions.Find(previous.Metadata.SessionId) is { } before && before.Branch == head.Branch)
        {
            session.RelatedSessions.Add(before.Id);
        }

        Backlog.Inherit(sessions, session);
        sessions.Sessions.Add(session);
        var open = new OpenSession(sessions, session, current);
        open.Save(context, now);
        context.Log.Information("start session {Session} on {Branch}", session.Id, head.Branch);
        return session;
    }

    /// <summary>
    /// Ends the branch's session with a summary. Its open tasks (and the pending tasks of
    /// current_session.json) stay in its backlog, which the next session of the branch inherits.
    /// </summary>
    public static Session End(SessionContext context, string summary, SessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (status == SessionStatus.Active)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("--status",
                "a session cannot end as 'active'", "use completed, handoff or abandoned"));
        }

        using var held = context.Store.LockAll();
        var now = context.Now;
        var open = OpenSession.Ensure(context);
        foreach (var task in open.Current.Context.PendingTasks)
        {
            Backlog.Add(open.Session, new BacklogItem { Text = task, Kind = BacklogKind.Task, FromSession = open.Session.Id });
        }

        open.Session.Summary = summary;
        open.Session.Status = status;
        open.Save(context, now);
        context.Log.Information("end session {Session} as {Status}", open.Session.Id, status);
        return open.Session;
    }

    /// <summary>
    /// Makes another open session of the checked-out branch current, found by id or by branch.
    /// Never checks anything out: a session of another branch is reached by checking that branch out.
    /// </summary>
    public static Session Switch(SessionContext context, string idOrBranch)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var held = context.Store.LockAll();
        var head = context.Git.Head;
        var sessions = OpenSession.ReadOrFail(context.Store.ReadAiSessions());
        var target = sessions?.Find(idOrBranch) ?? SessionFactory.OpenSessionOf(sessions, idOrBranch)
            ?? throw new SessionHooksException(DiagnosticCatalog.SessionNotFound.ForFile(".sessions/ai_sessions.json",
                $"no session has the id '{idOrBranch}' and no open session is on a branch of that name"));
        if (!target.IsOpen)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(target.Id,
                $"session {target.Id} is {Names.Of(target.Status)}", "start a new one with 'session start'"));
        }

        if (target.Branch != head.Branch)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(target.Id,
                $"session {target.Id} belongs to branch '{target.Branch ?? "(detached HEAD)"}', not the checked-out '{head.Branch ?? "(detached HEAD)"}'",
                $"check out its branch: git checkout {target.Branch}"));
        }

        var now = context.Now;
        var current = SessionFactory.Resume(target, head.CommitId, now);
        target.LastUpdated = now;
        context.Store.UpdateAiSessions(_ => sessions);
        context.Store.UpdateCurrentSession(_ => current);
        return target;
    }
}
