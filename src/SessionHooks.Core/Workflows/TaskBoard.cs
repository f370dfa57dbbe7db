using SessionHooks.Diagnostics;
using SessionHooks.Ids;
using SessionHooks.Records;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>A task as <c>session task list</c> shows it: its number among the open ones (0 when closed), the session that holds it, the commits that mention it.</summary>
internal sealed record TaskRow(int Number, BacklogItem Item, string SessionId, IReadOnlyList<string> Commits);

/// <summary>
/// Tasks with a lifecycle (<c>session task add|start|done|block|drop|list</c>): backlog items that
/// move open → in_progress → done, may be blocked on the way, or are dropped, with an estimate and
/// the time actually spent. A task lives in the backlog of the session that noted it, and a session
/// that ends passes its open ones on (<see cref="Backlog.Inherit"/>); a change reaches every copy,
/// so a task done in the next session is done everywhere. Commits link themselves to a task by
/// naming its id in their message.
/// </summary>
internal static class TaskBoard
{
    /// <summary>How far back the history is searched for commits that mention a task.</summary>
    public const int MaxHistory = 5_000;

    /// <summary>Adds a task to the branch's session (an open one of the same text is returned instead), and logs it.</summary>
    /// <param name="text">Already checked for secrets.</param>
    public static BacklogItem Add(SessionContext context, string text, Priority priority, int? estimateMinutes, BacklogKind kind = BacklogKind.Task)
    {
        ArgumentNullException.ThrowIfNull(context);
        var author = SessionResolver.AuthorOf(context);
        using var work = SessionWork.Begin(context);
        var session = work.Edit();
        var instant = work.Instant;
        var now = UtcTimestampConverter.WholeSecond(instant);
        if (session.Backlog.Find(b => b.IsOpen && b.Text == text) is { } known)
        {
            known.Id ??= NewId(work.View.Registry);
            known.Status ??= TaskState.Open;
            known.EstimateMinutes = estimateMinutes ?? known.EstimateMinutes;
            work.Save();
            return known;
        }

        var item = new BacklogItem
        {
            Text = text,
            Kind = kind,
            Priority = priority,
            FromSession = session.Id,
            Id = NewId(work.View.Registry),
            Status = TaskState.Open,
            EstimateMinutes = estimateMinutes,
            Created = now,
        };
        session.Backlog.Add(item);
        work.Log(new WorklogEntry
        {
            Id = EntryId.New(instant),
            Session = session.Id,
            Time = now,
            Kind = kind == BacklogKind.Task ? WorklogKind.Task : WorklogKind.Idea,
            Text = text,
            Author = author,
            Task = item.Id,
        });
        work.Save();
        context.Log.Information("task {Task} added to session {Session}", item.Id, session.Id);
        return item;
    }

    public static BacklogItem Start(SessionContext context, string selector) => Change(context, selector, (item, now, _) =>
    {
        item.Status = TaskState.InProgress;
        item.Done = false;
        item.Started ??= now;
        item.Reason = null;
    });

    /// <param name="actualMinutes">The time spent; measured from the task's start when not given.</param>
    public static BacklogItem Done(SessionContext context, string selector, int? actualMinutes) => Change(context, selector, (item, now, commits) =>
    {
        item.Status = TaskState.Done;
        item.Done = true;
        item.Finished = now;
        item.Reason = null;
        item.ActualMinutes = actualMinutes ?? (item.Started is { } started ? Minutes.Between(started, now) : item.ActualMinutes);
        var linked = (item.Commits ?? []).Concat(commits).Distinct(StringComparer.Ordinal).ToList();
        item.Commits = linked.Count > 0 ? linked : null;
    });

    /// <param name="reason">Already checked for secrets.</param>
    public static BacklogItem Block(SessionContext context, string selector, string? reason) => Change(context, selector, (item, _, _) =>
    {
        item.Status = TaskState.Blocked;
        item.Done = false;
        item.Reason = reason;
    });

    /// <param name="reason">Already checked for secrets.</param>
    public static BacklogItem Drop(SessionContext context, string selector, string? reason) => Change(context, selector, (item, now, _) =>
    {
        item.Status = TaskState.Dropped;
        item.Done = true;
        item.Finished = now;
        item.Reason = reason;
    });

    /// <summary>The repository's tasks: the branch session's first, then every other session's, each once; closed ones only with <paramref name="all"/>.</summary>
    public static IReadOnlyList<TaskRow> List(SessionContext context, bool all)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = RecordView.Read(context.Store);
        var current = context.Store.ReadCurrentSession().Value?.Metadata.SessionId;
        var rows = Rows(view.Registry, current, MentionsOf(context));
        return all ? rows : [.. rows.Where(r => r.Item.IsOpen)];
    }

    /// <summary>Tasks of the registry, each once (by id, or by text for items without one): open ones numbered first, by priority, blocked ones after them.</summary>
    public static IReadOnlyList<TaskRow> Rows(AiSessions registry, string? firstSessionId, IReadOnlyDictionary<string, List<string>>? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = registry.Sessions
            .OrderByDescending(s => s.Id == firstSessionId)
            .ThenByDescending(s => s.LastUpdated)
            .SelectMany(s => s.Backlog.Where(b => b.Kind == BacklogKind.Task).Select(b => (Item: b, Session: s.Id)))
            .Where(x => seen.Add(x.Item.Id ?? "text:" + x.Item.Text))
            .ToList();
        var open = items.Where(x => x.Item.IsOpen).OrderBy(x => x.Item.State == TaskState.Blocked).ThenBy(x => x.Item.Priority).ThenBy(x => Rank(x.Item.State)).ToList();
        var closed = items.Where(x => !x.Item.IsOpen).OrderByDescending(x => x.Item.Finished);
        return
        [
            .. open.Select((x, i) => new TaskRow(i + 1, x.Item, x.Session, CommitsOf(x.Item, mentions))),
            .. closed.Select(x => new TaskRow(0, x.Item, x.Session, CommitsOf(x.Item, mentions))),
        ];
    }

    /// <summary>Commit ids by the task ids their messages mention (the newest <see cref="MaxHistory"/> commits of HEAD).</summary>
    public static IReadOnlyDictionary<string, List<string>> MentionsOf(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (context.Git.Head.CommitId is not { } head)
        {
            return found;
        }

        foreach (var (id, message) in context.Git.CommitMessages(head, MaxHistory))
        {
            foreach (var task in TaskId.MentionedIn(message))
            {
                (found.TryGetValue(task, out var commits) ? commits : found[task] = []).Add(id);
            }
        }

        return found;
    }

    private static BacklogItem Change(SessionContext context, string selector, Action<BacklogItem, DateTimeOffset, IReadOnlyList<string>> change)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mentions = MentionsOf(context);
        using var work = SessionWork.Begin(context);
        var target = Select(Rows(work.View.Registry, work.Session.Id), selector);
        var id = target.Item.Id ?? NewId(work.View.Registry);
        var text = target.Item.Text;
        var now = work.Now;
        var commits = mentions.GetValueOrDefault(id) ?? [];
        BacklogItem? changed = null;
        foreach (var holder in work.View.Registry.Sessions.Where(s => s.Backlog.Exists(b => Same(b, target.Item))).Select(s => s.Id).ToList())
        {
            // The branch's session records when it changed; the copies in earlier sessions only follow.
            var session = holder == work.Session.Id ? work.Edit() : work.View.Edit(holder, byHand: true);
            foreach (var item in session.Backlog.Where(b => Same(b, target.Item)))
            {
                item.Id = id;
                change(item, now, commits);
                changed = holder == work.Session.Id || changed is null ? item : changed;
            }
        }

        work.Save();
        context.Log.Information("task {Task} is now {State}", id, changed!.State);
        return changed;

        bool Same(BacklogItem item, BacklogItem wanted) =>
            wanted.Id is { } known ? item.Id == known || (item.Id is null && item.Text == text) : item.Text == text && (item.Id is null || item.Id == id);
    }

    /// <summary>A task by its id, its number in <c>task list</c>, or its exact text.</summary>
    private static TaskRow Select(IReadOnlyList<TaskRow> rows, string selector)
    {
        var wanted = selector.Trim();
        var found = rows.FirstOrDefault(r => string.Equals(r.Item.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? (int.TryParse(wanted, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
                ? rows.FirstOrDefault(r => r.Number == number)
                : null)
            ?? rows.FirstOrDefault(r => r.Item.Text == wanted);
        return found ?? throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(wanted,
            $"no task is '{wanted}'", "give a task's id (t-…), its number in 'session task list', or its exact text"));
    }

    /// <summary>A task id no backlog item of the registry has.</summary>
    internal static string NewId(AiSessions registry)
    {
        var used = registry.Sessions.SelectMany(s => s.Backlog).Select(b => b.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var id = TaskId.New();
        while (used.Contains(id))
        {
            id = TaskId.New();
        }

        return id;
    }

    private static IReadOnlyList<string> CommitsOf(BacklogItem item, IReadOnlyDictionary<string, List<string>>? mentions) =>
        [.. (item.Commits ?? []).Concat(item.Id is { } id && mentions?.GetValueOrDefault(id) is { } found ? found : []).Distinct(StringComparer.Ordinal)];

    private static int Rank(TaskState state) => state switch
    {
        TaskState.InProgress => 0,
        TaskState.Open => 1,
        _ => 2,
    };
}
