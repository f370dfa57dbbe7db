using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// One change to the records made by hand (a <c>session</c> command): the records locked, read
/// with what is pending, the branch's session resolved; <see cref="Save"/> writes the change to the
/// pending area and rebuilds <c>current_session.json</c>. Never touches a tracked file.
/// </summary>
internal sealed class SessionWork : IDisposable
{
    private readonly SessionContext context;
    private readonly StoreLock held;

    private SessionWork(SessionContext context, StoreLock held, RecordView view, HeadInfo head, CurrentSession? current, Session session)
    {
        this.context = context;
        this.held = held;
        View = view;
        Head = head;
        Current = current;
        Session = session;
    }

    public RecordView View { get; }

    public HeadInfo Head { get; }

    /// <summary><c>current_session.json</c> as it was before this change.</summary>
    public CurrentSession? Current { get; }

    /// <summary>The branch's session (open; a closed one has given way to a new one).</summary>
    public Session Session { get; private set; }

    public DateTimeOffset Now => context.Now;

    /// <inheritdoc cref="SessionContext.Instant"/>
    public DateTimeOffset Instant => context.Instant;

    /// <summary>Locks and reads the records. What git and the configuration say is asked first: a process started under the lock makes every other writer wait for it.</summary>
    /// <param name="handedOff">An <c>end</c>: a session handed off may be ended again (see <see cref="SessionResolver.Resolve"/>).</param>
    public static SessionWork Begin(SessionContext context, bool handedOff = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var head = context.Git.Head;
        _ = context.Config;
        var held = context.Store.LockAll();
        try
        {
            var view = RecordView.Read(context.Store);
            var current = context.Store.ReadCurrentSession().Value;
            var session = SessionResolver.Resolve(context, view, head, current, handedOff);
            return new SessionWork(context, held, view, head, current, session);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>The session, to change by hand; a push carries the change.</summary>
    public Session Edit()
    {
        Session = View.Edit(Session.Id, byHand: true);
        Session.LastUpdated = Now;
        return Session;
    }

    /// <summary>Makes <paramref name="session"/> the branch's session from now on.</summary>
    public void Become(Session session) => Session = session;

    public void Log(WorklogEntry entry) => View.Log(entry);

    /// <summary>Writes the change to the pending area and rebuilds <c>current_session.json</c>; the lock is still held.</summary>
    public void Save()
    {
        View.Save();
        context.Store.WriteCurrentSession(CurrentSessionCache.Build(View, Session, Head, Current, Now));
    }

    public void Dispose() => held.Dispose();
}
