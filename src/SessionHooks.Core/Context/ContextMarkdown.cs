using System.Text;
using SessionHooks.Workflows;
using SessionHooks.Records;
using SessionHooks.Safety;

namespace SessionHooks.Context;

/// <summary>
/// The assistant's context as Markdown, the form an assistant reads best. Text from the session
/// files is escaped (<see cref="SafeText"/>): a title or note cannot add headings or instructions
/// of its own, and a cached file cannot close its code block.
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

        List(md, "Pending tasks", [.. context.PendingTasks.Select(SafeText.MarkdownItem)]);
        List(md, "Decisions", [.. context.Decisions.Select(SafeText.MarkdownItem)]);
        List(md, "Context notes", [.. context.RepositoryNotes.Concat(context.SessionNotes).Select(SafeText.MarkdownItem)]);
        Cache(md, context.KnowledgeCache);
        Sessions(md, "Earlier sessions of this branch", context.BranchSessions);
        Sessions(md, "Recent sessions of other branches", context.OtherSessions);
        List(md, "Open backlog", [.. context.Backlog.Select(b => $"[{Names.Of(b.Priority)}] {Names.Of(b.Kind)}: {T(b.Text)} (from {T(b.FromSession)})")]);
        return md.ToString();
    }

    private static void List(StringBuilder md, string heading, IReadOnlyList<string> items)
    {
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

    private static void Sessions(StringBuilder md, string heading, IReadOnlyList<Session> sessions)
    {
        List(md, heading, [.. sessions.Select(s => $"{SafeText.MarkdownItem(s.Id)} ({Names.Of(s.Status)}) {T(s.Title)}: {(s.Summary is null ? "no summary yet" : T(s.Summary))}")]);
    }

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
