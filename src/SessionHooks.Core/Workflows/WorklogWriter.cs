using SessionHooks.Ids;
using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>Entries written by hand (<c>session log</c>): commits are their own entries (docs/records.md).</summary>
internal static class WorklogWriter
{
    public static IReadOnlyList<WorklogKind> HandKinds { get; } =
    [
        WorklogKind.Event, WorklogKind.Decision, WorklogKind.Insight, WorklogKind.Idea, WorklogKind.Task,
        WorklogKind.Problem, WorklogKind.Milestone, WorklogKind.Prompt, WorklogKind.Crash, WorklogKind.Note,
        WorklogKind.Source,
    ];

    /// <summary>
    /// Adds one entry to the branch's session, in the pending area: the session's next commit
    /// records it, and no tracked file changes before then. Tasks and ideas also go to the
    /// session's backlog. All of it under the records' lock, so concurrent writers lose nothing.
    /// </summary>
    /// <param name="text">Already checked for secrets.</param>
    public static WorklogEntry Log(SessionContext context, WorklogKind kind, string text, Priority priority = Priority.Medium)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HandKinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "commits are recorded by git itself");
        }

        var author = SessionResolver.AuthorOf(context);
        using var work = SessionWork.Begin(context);
        var instant = work.Instant;
        var now = UtcTimestampConverter.WholeSecond(instant);
        var entry = new WorklogEntry
        {
            Id = EntryId.New(instant),
            Session = work.Session.Id,
            Time = now,
            Kind = kind,
            Text = text,
            Author = author,
        };
        if (kind is WorklogKind.Task or WorklogKind.Idea)
        {
            var backlogKind = kind == WorklogKind.Task ? BacklogKind.Task : BacklogKind.Idea;
            var item = new BacklogItem
            {
                Text = text,
                Kind = backlogKind,
                Priority = priority,
                FromSession = work.Session.Id,
                Id = TaskBoard.NewId(work.View.Registry),
                Status = TaskState.Open,
                Created = now,
            };
            var session = work.Edit();
            entry.Task = Backlog.Add(session, item) ? item.Id : session.Backlog.Find(b => b.IsOpen && b.Text == text)?.Id;
        }

        work.Log(entry);

        work.Save();
        context.Log.Information("log {Kind} in session {Session}", kind, entry.Session);
        return entry;
    }
}
