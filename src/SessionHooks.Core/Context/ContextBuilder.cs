using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Workflows;

namespace SessionHooks.Context;

/// <summary>What to gather: file contents or only paths, the size to keep within, and a point to report changes since.</summary>
/// <param name="MaxBytes">The size of the whole output; null for no limit (file contents still stop at 64 KiB).</param>
/// <param name="Since">A session id or a commit: report what happened after it.</param>
internal sealed record ContextOptions(bool IncludeFiles = false, long? MaxBytes = null, string? Since = null)
{
    /// <summary>File contents read when no size is asked for.</summary>
    public const long DefaultFileBytes = 64 * 1024;
}

/// <summary>Gathers an assistant's starting context from the session files. Reads only; writes nothing.</summary>
internal static class ContextBuilder
{
    private const int OtherSessionsShown = 5;
    private const int BranchSessionsRead = 3;
    private const int DecisionsShown = 20;
    private const int SinceCommits = 500;

    public static AssistantContext Build(SessionContext context, ContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var view = RecordView.Read(context.Store);
        var current = context.Store.ReadCurrentSession().Value;
        return Build(context, view, current?.Metadata.SessionId, current, options);
    }

    /// <summary>The context of <paramref name="sessionId"/>'s session as <paramref name="view"/> holds it (an assistant's hook has just resolved it).</summary>
    public static AssistantContext Build(SessionContext context, RecordView view, string? sessionId, CurrentSession? current, ContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        var head = context.Git.Head;
        var sessions = view.Registry;
        var session = sessionId is null ? null : sessions.Find(sessionId);
        var all = sessions.Sessions;

        var earlier = all.Where(s => s.Id != sessionId && s.Branch == head.Branch && s.Id != session?.Id)
            .OrderByDescending(s => s.LastUpdated).ToList();
        var others = all.Where(s => s.Id != sessionId && s.Branch != head.Branch && !string.IsNullOrEmpty(s.Summary))
            .OrderByDescending(s => s.LastUpdated).Take(OtherSessionsShown).ToList();
        var handoff = earlier.FirstOrDefault(s => !s.IsOpen) is { Status: SessionStatus.Handoff } handed ? handed : null;

        // Decisions carry from session to session on a branch: this one's first, then the latest earlier ones'.
        var decisionSessions = (session is null ? [] : new[] { session }).Concat(earlier.Take(BranchSessionsRead));
        var decisions = decisionSessions
            .SelectMany(s => view.EntriesOf(s.Id).Where(e => e.Kind == WorklogKind.Decision && !string.IsNullOrEmpty(e.Text)).Reverse())
            .Select(e => e.Text!)
            .Distinct(StringComparer.Ordinal)
            .Take(DecisionsShown)
            .ToList();

        var cache = sessions.KnowledgeCache.Select(p => (p, "repository"))
            .Concat((session?.KnowledgeCache ?? []).Select(p => (p, "session")));
        var fileBytes = Math.Min(options.MaxBytes ?? ContextOptions.DefaultFileBytes, KnowledgeFiles.MaxBytesLimit);

        return new AssistantContext(
            head.Branch,
            sessionId,
            session?.Title ?? current?.Metadata.MainTopic ?? "(no session yet: run 'session start')",
            session is null ? (current is null ? null : "started") : Names.Of(session.Status),
            session?.Issues ?? current?.Metadata.LinkedIssues ?? [])
        {
            Handoff = handoff,
            Tasks = Backlog.Open(sessions, sessionId),
            PendingTasks = session is null ? [] : [.. session.Backlog.Where(b => b.IsOpen && b.Kind == BacklogKind.Task).Select(b => b.Text)],
            Decisions = decisions,
            RepositoryNotes = sessions.ContextNotes,
            SessionNotes = session?.ContextNotes ?? [],
            KnowledgeCache = KnowledgeFiles.Load(context.WorktreeRoot, cache, options.IncludeFiles, fileBytes),
            BranchSessions = earlier,
            OtherSessions = others,
            Since = options.Since is { } since ? SinceOf(context, view, since) : null,
            MaxBytes = options.MaxBytes,
        };
    }

    /// <summary>What happened after a session's last update, or after a commit.</summary>
    private static SinceReport SinceOf(SessionContext context, RecordView view, string reference)
    {
        var git = context.Git;
        var head = git.Head.CommitId;
        DateTimeOffset time;
        IReadOnlyList<Git.CommitInfo> commits;
        if (view.Find(reference) is { } session)
        {
            time = session.LastUpdated;
            commits = head is null ? [] : [.. git.Commits(head, [], SinceCommits).Where(c => c.CommitTime > time)];
        }
        else if (git.FindCommitId(reference) is { } commit)
        {
            time = git.Commits(commit, [], 1)[0].CommitTime;
            commits = head is null ? [] : git.Commits(head, [commit], SinceCommits);
        }
        else
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("--since",
                $"'{reference}' is neither a session nor a commit", "give a session id (see 'session list') or a commit (a hash, a tag, HEAD~3)"));
        }

        // Closed sessions last updated before the point cannot hold anything newer; open ones may.
        var touched = view.Registry.Sessions.Where(s => s.IsOpen || s.LastUpdated > time).ToList();
        var entries = touched
            .SelectMany(s => view.EntriesOf(s.Id))
            .Where(e => e.Time > time && PendingSession.IsHandKind(e.Kind) && e.Kind is not (WorklogKind.Task or WorklogKind.Idea))
            .OrderBy(e => e.Time)
            .Reverse()
            .ToList();
        var tasks = touched.SelectMany(s => s.Backlog).DistinctBy(b => b.Id ?? b.Text).ToList();
        return new SinceReport(reference, time)
        {
            Commits = commits,
            Sessions = [.. touched.Where(s => s.Created > time || (!s.IsOpen && s.LastUpdated > time)).OrderByDescending(s => s.LastUpdated)],
            Entries = entries,
            TasksDone = [.. tasks.Where(b => b.State == TaskState.Done && b.Finished > time).OrderByDescending(b => b.Finished)],
            TasksAdded = [.. tasks.Where(b => b.Created > time).OrderByDescending(b => b.Created)],
        };
    }
}
