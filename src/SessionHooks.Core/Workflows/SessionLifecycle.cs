using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>Starting, ending and switching sessions by hand. Each change waits in the pending area for the branch's next commit.</summary>
internal static class SessionLifecycle
{
    /// <summary>
    /// Starts a new session on the checked-out branch and makes it current. Nothing is closed: the
    /// branch's earlier open session stays open and is named as related.
    /// </summary>
    /// <param name="title">Already checked for secrets; null gives "Work on &lt;branch&gt;".</param>
    public static Session Start(SessionContext context, string? title, SessionType type, IReadOnlyList<string> issues)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(issues);
        var author = SessionResolver.AuthorOf(context);
        using var work = SessionWork.Begin(context);
        var session = SessionFactory.New(work.View, work.Head.Branch, author, context.Config, work.Now);
        if (!string.IsNullOrWhiteSpace(title))
        {
            session.Title = title.Trim();
        }

        session.Type = type;
        session.Issues = [.. issues];
        if (work.View.DiscardUntouched(work.Session.Id))
        {
            // The branch had no open session, so resolving it started one a moment ago: this one takes its place.
            session.RelatedSessions.Remove(work.Session.Id);
        }
        else if (work.Session.Id != session.Id && work.Session.Branch == work.Head.Branch && !session.RelatedSessions.Contains(work.Session.Id))
        {
            session.RelatedSessions.Add(work.Session.Id);
        }

        work.View.Start(session, byHand: true);
        work.Become(session);
        work.Save();
        context.Log.Information("start session {Session} on {Branch}", session.Id, work.Head.Branch);
        return session;
    }

    /// <summary>
    /// Ends the branch's session with a summary. Its open tasks and ideas stay in its backlog, which
    /// the next session of the branch inherits; the branch's next commit starts that session.
    /// </summary>
    public static Session End(SessionContext context, string summary, SessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (status == SessionStatus.Active)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("--status",
                "a session cannot end as 'active'", "use completed, handoff or abandoned"));
        }

        using var work = SessionWork.Begin(context, handedOff: true);
        var session = work.Edit();
        session.Summary = summary;
        session.Status = status;
        work.Save();
        context.Log.Information("end session {Session} as {Status}", session.Id, status);
        return session;
    }

    /// <summary>
    /// Makes another open session of the checked-out branch current, found by id or by branch.
    /// Never checks anything out: a session of another branch is reached by checking that branch out.
    /// </summary>
    public static Session Switch(SessionContext context, string idOrBranch)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var work = SessionWork.Begin(context);
        var target = work.View.Find(idOrBranch) ?? work.View.OpenSessionOf(idOrBranch)
            ?? throw new SessionHooksException(DiagnosticCatalog.SessionNotFound.ForFile(RecordPaths.Registry,
                $"no session has the id '{idOrBranch}' and no open session is on a branch of that name"));
        if (!target.IsOpen)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(target.Id,
                $"session {target.Id} is {Names.Of(target.Status)}", "start a new one with 'session start'"));
        }

        if (target.Branch != work.Head.Branch)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(target.Id,
                $"session {target.Id} belongs to branch '{target.Branch ?? "(detached HEAD)"}', not the checked-out '{work.Head.Branch ?? "(detached HEAD)"}'",
                $"check out its branch: git checkout {target.Branch}"));
        }

        work.Become(target);
        work.Save();
        return target;
    }
}
