using System.Globalization;
using System.Text;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Workflows;
using SessionHooks.Safety;
using SessionHooks.Secrets;

namespace SessionHooks.Workflows;

/// <summary>
/// SESSION_JOURNAL.md: the sessions for people to read, newest first, each with its summary,
/// decisions, deliverables (its commits), problems and lessons, next work and related sessions.
/// Every text from the session files or git is checked for secrets and escaped
/// (<see cref="SafeText.Markdown"/>), so none can start a heading, a list or HTML of its own.
/// </summary>
internal static class JournalMarkdown
{
    public static string Render(GitRepository git, AiSessions sessions, IReadOnlyList<WorklogEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var md = new StringBuilder("# Session journal\n");
        foreach (var session in sessions.Sessions.OrderByDescending(s => s.Created))
        {
            var summary = SessionSummary.Of(git, session, entries, now);
            var own = entries.Where(e => e.Session == session.Id).ToList();
            md.Append("\n## ").Append(T(session.Title)).Append(" (").Append(T(session.Id)).Append(")\n\n");
            md.Append("- Branch: ").Append(session.Branch is null ? "(detached HEAD)" : T(session.Branch)).Append('\n');
            md.Append("- Status: ").Append(Names.Of(session.Status)).Append(" · type: ").Append(Names.Of(session.Type)).Append('\n');
            md.Append("- Started: ").Append(Time(session.Created)).Append(" · last updated: ").Append(Time(session.LastUpdated)).Append('\n');
            if (session.Author is { } author)
            {
                md.Append("- Author: ").Append(T(author)).Append(session.Agent is { } agent ? $" with {T(agent)}" : "").Append('\n');
            }

            if (session.Issues.Count > 0)
            {
                md.Append("- Issues: ").Append(string.Join(", ", session.Issues.Select(T))).Append('\n');
            }

            md.Append("- Figures: ").Append(CultureInfo.InvariantCulture, $"{summary.Commits.Count} commits, {summary.FilesChanged} files, +{summary.LinesAdded} −{summary.LinesRemoved} lines").Append('\n');
            Section(md, "Summary", session.Summary is null ? [] : [Item(session.Summary)]);
            Section(md, "Key decisions", [.. Texts(own, WorklogKind.Decision).Select(Item)]);
            Section(md, "Deliverables", [.. summary.Commits.Select(c => $"`{c.Id[..10]}` {T(c.Subject)}")]);
            Section(md, "Problems and lessons", [.. own.Where(e => e.Kind is WorklogKind.Problem or WorklogKind.Insight).Select(e => $"{Names.Of(e.Kind)}: {T(e.Text)}")]);
            Section(md, "Next work", [.. session.Backlog.Where(b => !b.Done).OrderBy(b => b.Priority).Select(b => $"[{Names.Of(b.Priority)}] {Names.Of(b.Kind)}: {T(b.Text)}")]);
            Section(md, "Related sessions", [.. session.RelatedSessions.Select(Item)]);
        }

        return md.ToString();
    }

    private static List<string> Texts(IEnumerable<WorklogEntry> entries, WorklogKind kind) =>
        [.. entries.Where(e => e.Kind == kind && !string.IsNullOrEmpty(e.Text)).Select(e => e.Text!)];

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
