using System.Globalization;
using System.Text;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Safety;
using SessionHooks.Secrets;

namespace SessionHooks.Workflows;

/// <summary>
/// SESSION_JOURNAL.md: the sessions for people to read, newest first, each with the sections of a
/// session log (seeds/002): its status line (active → handoff → completed), summary, key decisions
/// and rationale, deliverables (its commits, found through their <c>Session-Id</c> trailers, and the
/// files they changed), implementation highlights, challenges and lessons, next work items by
/// priority, sources, and related sessions. Every text from the session files or git is checked for
/// secrets and escaped (<see cref="SafeText.Markdown"/>), so none can start a heading, a list or
/// HTML of its own.
/// </summary>
internal static class JournalMarkdown
{
    private const int FilesShown = 50;

    private static readonly SessionStatus[] Lifecycle = [SessionStatus.Active, SessionStatus.Handoff, SessionStatus.Completed];

    /// <param name="sessions">Every session to write, the archived ones included.</param>
    public static string Render(GitRepository git, IReadOnlyList<Session> sessions, IReadOnlyList<WorklogEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(entries);
        var byId = sessions.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entriesBySession = entries.ToLookup(e => e.Session, StringComparer.Ordinal);
        var md = new StringBuilder("# Session journal\n\nA session moves active → handoff → completed, or ends abandoned. Newest first.\n");
        // Times have whole seconds, and the files keep no order of creation: of two sessions started in the
        // same second, the one that went on longer is taken as the newer (an ended one gave way to the next).
        foreach (var session in sessions.OrderByDescending(s => s.Created).ThenByDescending(s => s.LastUpdated))
        {
            var own = entriesBySession[session.Id].ToList();
            var summary = SessionSummary.Of(git, session, own, now);
            md.Append("\n## ").Append(T(session.Title)).Append(" (").Append(T(session.Id)).Append(")\n\n");
            md.Append("- Status: ").Append(StatusLine(session.Status)).Append('\n');
            md.Append("- Branch: ").Append(session.Branch is null ? "(detached HEAD)" : T(session.Branch)).Append(" · type: ").Append(Names.Of(session.Type)).Append('\n');
            md.Append("- Started: ").Append(Time(session.Created)).Append(" · last updated: ").Append(Time(session.LastUpdated)).Append('\n');
            if (session.Author is { } author)
            {
                md.Append("- Author: ").Append(T(author)).Append(session.Agent is { } agent ? $" with {T(agent)}" : "").Append('\n');
            }

            if (session.AssistantSessions is { Count: > 0 } assistants)
            {
                md.Append("- Assistant sessions: ").Append(string.Join(", ", assistants.Select(a => $"{T(a.Assistant)} {SafeText.CodeSpan(a.Id)}"))).Append('\n');
            }

            if (session.Issues.Count > 0)
            {
                md.Append("- Issues: ").Append(string.Join(", ", session.Issues.Select(T))).Append('\n');
            }

            var prompts = own.Count(e => e.Kind == WorklogKind.Prompt);
            md.Append("- Figures: ").Append(CultureInfo.InvariantCulture, $"{summary.Commits.Count} commits, {summary.FilesChanged} files, +{summary.LinesAdded} −{summary.LinesRemoved} lines")
                .Append(summary.Tasks.Planned > 0 ? "; tasks: " + summary.Tasks.Describe() : "")
                .Append(prompts > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {prompts} prompts") : "")
                .Append('\n');

            Section(md, "Summary", session.Summary is null ? [] : [Item(session.Summary)]);
            Section(md, "Key decisions and rationale", [.. Kinds(own, WorklogKind.Decision).Select(e => Item(e.Text))]);
            Section(md, "Deliverables", Deliverables(summary));
            Section(md, "Implementation highlights", [.. own.Where(e => e.Kind is WorklogKind.Milestone or WorklogKind.Event or WorklogKind.Note && !string.IsNullOrEmpty(e.Text))
                .Select(e => $"{Names.Of(e.Kind)}: {T(e.Text)}" + (e.Files is { Count: > 0 } files ? $" ({Paths(files.Select(f => f.Path))})" : ""))]);
            Section(md, "Challenges and lessons", [.. own.Where(e => e.Kind is WorklogKind.Problem or WorklogKind.Insight or WorklogKind.Crash && !string.IsNullOrEmpty(e.Text))
                .Select(e => $"{Names.Of(e.Kind)}: {T(e.Text)}")]);
            NextWork(md, session);
            Section(md, "Sources", [.. Kinds(own, WorklogKind.Source).Select(e => Item(e.Text))]);
            Section(md, "Related sessions", [.. session.RelatedSessions.Select(id => byId.TryGetValue(id, out var related)
                ? $"{T(id)}: {T(related.Title)} ({Names.Of(related.Status)})"
                : T(id))]);
        }

        return md.ToString();
    }

    /// <summary><c>handoff (active → **handoff** → completed)</c>; an abandoned session says so.</summary>
    private static string StatusLine(SessionStatus status) =>
        status == SessionStatus.Abandoned
            ? "abandoned (active → abandoned)"
            : $"{Names.Of(status)} ({string.Join(" → ", Lifecycle.Select(s => s == status ? $"**{Names.Of(s)}**" : Names.Of(s)))})";

    private static List<string> Deliverables(SessionSummary summary)
    {
        var items = summary.Commits.Select(c => $"commit `{c.Id[..Math.Min(10, c.Id.Length)]}` {T(c.Subject)}").ToList();
        // The session records a commit carries are how it was recorded, not what it delivered.
        var files = summary.Files.Where(f => !f.Path.StartsWith(RecordPaths.Folder + "/", StringComparison.Ordinal)).ToList();
        if (files.Count > 0)
        {
            var shown = files.Take(FilesShown).Select(f => SafeText.CodeSpan(f.Path) + (f.Binary ? " (binary)" : string.Create(CultureInfo.InvariantCulture, $" (+{f.Added} −{f.Removed})")));
            items.Add("files: " + string.Join(", ", shown) + (files.Count > FilesShown ? string.Create(CultureInfo.InvariantCulture, $", and {files.Count - FilesShown} more") : ""));
        }

        return items;
    }

    /// <summary>Open tasks and ideas under High, Medium and Low; tasks done in the session after them.</summary>
    private static void NextWork(StringBuilder md, Session session)
    {
        var open = session.Backlog.Where(b => b.IsOpen).ToList();
        var done = session.Backlog.Where(b => b.State == TaskState.Done).ToList();
        if (open.Count == 0 && done.Count == 0)
        {
            return;
        }

        md.Append("\n### Next work items\n");
        foreach (var group in open.GroupBy(b => b.Priority).OrderBy(g => g.Key))
        {
            md.Append("\n#### ").Append(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(Names.Of(group.Key)[0])}{Names.Of(group.Key)[1..]} priority").Append("\n\n");
            foreach (var item in group)
            {
                md.Append("- ").Append(Context.ContextMarkdown.TaskLine(item)).Append('\n');
            }
        }

        if (done.Count > 0)
        {
            md.Append("\n#### Done\n\n");
            foreach (var item in done)
            {
                md.Append("- [x] ").Append(T(item.Text))
                    .Append(item.ActualMinutes is { } spent ? $" (took {Minutes.Format(spent)}{(item.EstimateMinutes is { } e ? $", estimated {Minutes.Format(e)}" : "")})" : "")
                    .Append('\n');
            }
        }
    }

    private static IEnumerable<WorklogEntry> Kinds(IEnumerable<WorklogEntry> entries, WorklogKind kind) =>
        entries.Where(e => e.Kind == kind && !string.IsNullOrEmpty(e.Text));

    private static string Paths(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        return string.Join(", ", list.Take(10).Select(SafeText.CodeSpan)) + (list.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $", and {list.Count - 10} more") : "");
    }

    private static void Section(StringBuilder md, string heading, List<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append("\n### ").Append(heading).Append("\n\n");
        foreach (var item in items)
        {
            md.Append("- ").Append(item).Append('\n');
        }
    }

    /// <summary>A text from the files or git, as it may stand in the journal.</summary>
    private static string T(string? text) => SafeText.Markdown(SecretRedactor.RedactBuiltIn(text ?? ""));

    /// <summary>As <see cref="T"/>, for a text that is a list item of its own.</summary>
    private static string Item(string? text) => SafeText.MarkdownItem(SecretRedactor.RedactBuiltIn(text ?? ""));

    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
