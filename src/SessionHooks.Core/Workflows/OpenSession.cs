using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Workflows;

/// <summary>The registry, the branch's session in it, and the current-session record, read together under the store's lock.</summary>
internal sealed record OpenSession(AiSessions Sessions, Session Session, CurrentSession Current)
{
    /// <summary>
    /// The checked-out branch's session, registered in ai_sessions.json if it was not yet (a
    /// session ended by hand gives way to a new one, as on commit). Call inside <c>LockAll</c>.
    /// </summary>
    public static OpenSession Ensure(SessionContext context) => Ensure(context, AuthorOf(context));

    /// <param name="author">The author identity, read by the caller before it took the lock.</param>
    public static OpenSession Ensure(SessionContext context, string? author)
    {
        var now = context.Now;
        var sessions = ReadOrFail(context.Store.ReadAiSessions()) ?? PreCommit.NewSessions();
        var current = ReadOrFail(context.Store.ReadCurrentSession());
        current = SessionResolver.Resolve(context.Git.Head, sessions, current, context.Pending, now);
        var session = sessions.Find(current.Metadata.SessionId);
        if (session is { IsOpen: false })
        {
            current = SessionFactory.NewCurrent(current.Metadata.Environment.Branch, current.Metadata.Environment.LastCommit, now);
            session = null;
        }

        if (session is null)
        {
            session = SessionFactory.Register(current, author, context.Config, now);
            Backlog.Inherit(sessions, session);
            sessions.Sessions.Add(session);
        }

        return new OpenSession(sessions, session, current);
    }

    /// <summary>Writes what changed; the caller still holds the lock, so nothing was changed in between.</summary>
    public void Save(SessionContext context, DateTimeOffset now)
    {
        Session.LastUpdated = now;
        Current.Metadata.LastUpdated = now;
        context.Store.UpdateAiSessions(_ => Sessions);
        context.Store.UpdateCurrentSession(_ => Current);
    }

    /// <summary>A file that exists but cannot be read is never overwritten: stop with its diagnostic.</summary>
    public static T? ReadOrFail<T>(LoadResult<T> result)
        where T : class =>
        result.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } error
            ? throw new SessionHooksException(error with { Hint = "run 'session validate', or 'session recover' to repair it" })
            : result.Value;

    public static string? AuthorOf(SessionContext context)
    {
        try
        {
            var identity = context.Git.Identity();
            return $"{identity.Name} <{identity.Email}>";
        }
        catch (SessionHooksException)
        {
            // Who logged a line is a nicety; an unconfigured identity must not lose the line.
            return null;
        }
    }
}
