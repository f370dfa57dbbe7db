using System.Globalization;
using System.Text;
using SessionHooks.Records;
using SessionHooks.Safety;
using SessionHooks.Workflows;

namespace SessionHooks.Context;

/// <summary>
/// The assistant's context as Markdown, the form an assistant reads best, most important first.
/// Text from the session files is escaped (<see cref="SafeText"/>): a title or note cannot add
/// headings or instructions of its own, and a cached file cannot close its code block.
/// </summary>
internal static class ContextMarkdown
{
    public static string Render(AssistantContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var md = new StringBuilder();
        md.Append("# Session context").Append('\n').Append('\n');
        md.Append("## Current focus\n\n");
        md.Append("- Branch: ").Append(context.Branch is null ? "(detached HEAD)" : T(context.Branch)).Append('\n');
        md.Append("- Session: ").Append(context.SessionId is null ? "(none)" : T(context.SessionId)).Append(context.Status is null ? "" : $" ({T(context.Status)})").Append('\n');
        md.Append("- Focus: ").Append(T(context.Focus)).Append('\n');
        if (context.Issues.Count > 0)
        {
            md.Append("- Issues: ").Append(string.Join(", ", context.Issues.Select(T))).Append('\n');
        }

        if (context.Handoff is { } handoff)
        {
            md.Append("\n## Handed over by the last session\n\n");
            md.Append("- ").Append(SessionLine(handoff)).Append('\n');
        }

        if (context.Since is { } since)
        {
            Since(md, since);
        }

        List(md, "Open tasks", [.. context.Tasks.Select(TaskLine)]);
        if (context.Since is null)
        {
            List(md, "Latest decisions", [.. context.Decisions.Select(SafeText.MarkdownItem)]);
            List(md, "Context notes", [.. context.SessionNotes.Concat(context.RepositoryNotes).Select(SafeText.MarkdownItem)]);
            Cache(md, context.KnowledgeCache);
            List(md, "Earlier sessions of this branch", [.. context.BranchSessions.Select(SessionLine)], omitWhenEmpty: true);
            List(md, "Recent sessions of other branches", [.. context.OtherSessions.Select(SessionLine)], omitWhenEmpty: true);
        }

        if (context.Dropped.Count > 0)
        {
            md.Append("\n## Left out\n\n")
                .Append(CultureInfo.InvariantCulture, $"To stay within {context.MaxBytes} bytes: {string.Join("; ", context.Dropped.Select(T))}. ")
                .Append("Ask for more with `session context --max-bytes <bytes>`.\n");
        }

        return md.ToString();
    }

    /// <summary><c>[high] task: text (t-4kq9m, in progress, estimated 1h30m)</c>.</summary>
    public static string TaskLine(BacklogItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var details = new List<string>();
        if (item.Id is { } id)
        {
            details.Add(id);
        }

        if (item.State != TaskState.Open)
        {
            details.Add(Names.Of(item.State).Replace('_', ' ') + (item.Reason is { } why ? ": " + T(why) : ""));
        }

        if (item.EstimateMinutes is { } estimate)
        {
            details.Add("estimated " + Minutes.Format(estimate));
        }

        return $"[{Names.Of(item.Priority)}] {Names.Of(item.Kind)}: {T(item.Text)}" + (details.Count > 0 ? $" ({string.Join(", ", details)})" : "");
    }

    private static void Since(StringBuilder md, SinceReport since)
    {
        md.Append("\n## Since ").Append(T(since.Reference)).Append(" (").Append(UtcTimestampConverter.ToText(since.Time)).Append(")\n");
        Sub(md, "Commits", [.. since.Commits.Select(c => $"`{c.Id[..Math.Min(10, c.Id.Length)]}` {T(c.Subject)}" + (c.SessionId is { } s ? $" (session {T(s)})" : ""))]);
        Sub(md, "Sessions", [.. since.Sessions.Select(SessionLine)]);
        Sub(md, "Tasks done", [.. since.TasksDone.Select(TaskLine)]);
        Sub(md, "Tasks added", [.. since.TasksAdded.Select(TaskLine)]);
        Sub(md, "Logged", [.. since.Entries.Select(e => $"{Names.Of(e.Kind)}: {T(e.Text)}")]);
        if (since.Commits.Count + since.Sessions.Count + since.TasksDone.Count + since.TasksAdded.Count + since.Entries.Count == 0)
        {
            md.Append("\nNothing recorded since then.\n");
        }
    }

    private static void Sub(StringBuilder md, string heading, IReadOnlyList<string> items)
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

    private static void List(StringBuilder md, string heading, IReadOnlyList<string> items, bool omitWhenEmpty = false)
    {
        if (items.Count == 0 && omitWhenEmpty)
        {
            return;
        }

        md.Append("\n## ").Append(heading).Append("\n\n");
        if (items.Count == 0)
        {
            md.Append("(none)\n");
        }

        foreach (var item in items)
        {
            md.Append("- ").Append(item).Append('\n');
        }
    }

    private static void Cache(StringBuilder md, IReadOnlyList<CachedFile> files)
    {
        md.Append("\n## Knowledge cache\n\n");
        if (files.Count == 0)
        {
            md.Append("(none)\n");
        }

        foreach (var file in files)
        {
            md.Append("- ").Append(SafeText.CodeSpan(file.Path)).Append(file.State == CachedFileState.Listed || file.State == CachedFileState.Included ? "" : $" ({Describe(file.State)})").Append('\n');
        }

        foreach (var file in files.Where(f => f.Content is not null))
        {
            md.Append("\n### ").Append(T(file.Path)).Append("\n\n").Append(SafeText.CodeBlock(file.Content!));
        }
    }

    private static string SessionLine(Session s) =>
        $"{SafeText.MarkdownItem(s.Id)} ({Names.Of(s.Status)}) {T(s.Title)}: {(s.Summary is null ? "no summary yet" : T(s.Summary))}";

    private static string T(string? text) => SafeText.Markdown(text);

    public static string Describe(CachedFileState state) => state switch
    {
        CachedFileState.Truncated => "truncated at the size limit",
        CachedFileState.Missing => "missing",
        CachedFileState.Binary => "binary, not included",
        CachedFileState.OutsideRepository => "refused: outside the repository, in .git, or through a link; not read",
        CachedFileState.Empty => "empty, or not a regular file; not read",
        CachedFileState.NotAFile => "a folder, not a file; not read",
        CachedFileState.OverBudget => "not included: size limit reached",
        _ => "",
    };
}
