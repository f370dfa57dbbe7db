using SessionHooks.Ids;
using SessionHooks.Records;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Workflows;

/// <summary>Entries written by hand (<c>session log</c>): the hooks write commits and merges.</summary>
public static class WorklogWriter
{
    public static IReadOnlyList<WorklogKind> HandKinds { get; } =
    [
        WorklogKind.Event, WorklogKind.Decision, WorklogKind.Insight, WorklogKind.Idea, WorklogKind.Task,
        WorklogKind.Problem, WorklogKind.Milestone, WorklogKind.Prompt, WorklogKind.Crash, WorklogKind.Note,
    ];

    /// <summary>
    /// Appends one entry for the branch's session (registering it when needed); tasks and ideas go
    /// to the session's backlog too, decisions and tasks to current_session.json's context. All of
    /// it under the store's lock, so concurrent writers never lose an entry.
    /// </summary>
    /// <param name="text">Already checked for secrets.</param>
    public static WorklogEntry Log(SessionContext context, WorklogKind kind, string text, Priority priority = Priority.Medium)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HandKinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "commit and merge entries are written by the hooks");
        }

        // What git and the configuration say is read before the lock: a process start for the
        // author identity under the lock would make every concurrent writer queue behind it.
        var author = OpenSession.AuthorOf(context);
        _ = context.Git.Head;
        _ = context.Config;
        using var held = context.Store.LockAll();
        var now = context.Now;
        var open = OpenSession.Ensure(context, author);
        var entry = new WorklogEntry
        {
            Id = EntryId.New(now),
            Session = open.Session.Id,
            Time = now,
            Kind = kind,
            Text = text,
            Author = author,
        };

        if (kind is WorklogKind.Task or WorklogKind.Idea)
        {
            var backlogKind = kind == WorklogKind.Task ? BacklogKind.Task : BacklogKind.Idea;
            Backlog.Add(open.Session, new BacklogItem { Text = text, Kind = backlogKind, Priority = priority, FromSession = open.Session.Id });
        }

        var pending = open.Current.Context;
        if (kind == WorklogKind.Decision && !pending.Decisions.Contains(text))
        {
            pending.Decisions.Add(text);
        }
        else if (kind == WorklogKind.Task && !pending.PendingTasks.Contains(text))
        {
            pending.PendingTasks.Add(text);
        }

        open.Save(context, now);
        context.Store.AppendWorklogEntries([entry]);
        context.Log.Information("log {Kind} in session {Session}", kind, open.Session.Id);
        return entry;
    }
}
