using System.Text;
using SessionHooks.Workflows;
using SessionHooks.Records;

namespace SessionHooks.Context;

/// <summary>The assistant's context as Markdown, the form an assistant reads best.</summary>
public static class ContextMarkdown
{
    public static string Render(AssistantContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var md = new StringBuilder();
        md.Append("# Session context").Append('\n').Append('\n');
        md.Append("## Current focus\n\n");
        md.Append("- Branch: ").Append(context.Branch ?? "(detached HEAD)").Append('\n');
        md.Append("- Session: ").Append(context.SessionId ?? "(none)").Append(context.Status is null ? "" : $" ({context.Status})").Append('\n');
        md.Append("- Focus: ").Append(context.Focus).Append('\n');
        if (context.Issues.Count > 0)
        {
            md.Append("- Issues: ").Append(string.Join(", ", context.Issues)).Append('\n');
        }

        List(md, "Pending tasks", context.PendingTasks);
        List(md, "Decisions", context.Decisions);
        List(md, "Context notes", [.. context.RepositoryNotes, .. context.SessionNotes]);
        Cache(md, context.KnowledgeCache);
        Sessions(md, "Earlier sessions of this branch", context.BranchSessions);
        Sessions(md, "Recent sessions of other branches", context.OtherSessions);
        List(md, "Open backlog", [.. context.Backlog.Select(b => $"[{Names.Of(b.Priority)}] {Names.Of(b.Kind)}: {b.Text} (from {b.FromSession})")]);
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
            md.Append("- ").Append(item.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
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
            md.Append("- `").Append(file.Path).Append('`').Append(file.State == CachedFileState.Listed || file.State == CachedFileState.Included ? "" : $" ({Describe(file.State)})").Append('\n');
        }

        foreach (var file in files.Where(f => f.Content is not null))
        {
            var fence = file.Content!.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
            md.Append("\n### ").Append(file.Path).Append("\n\n").Append(fence).Append('\n').Append(file.Content);
            md.Append(file.Content.EndsWith('\n') ? "" : "\n").Append(fence).Append('\n');
        }
    }

    private static void Sessions(StringBuilder md, string heading, IReadOnlyList<Session> sessions)
    {
        List(md, heading, [.. sessions.Select(s => $"{s.Id} ({Names.Of(s.Status)}) {s.Title}: {s.Summary ?? "no summary yet"}")]);
    }

    public static string Describe(CachedFileState state) => state switch
    {
        CachedFileState.Truncated => "truncated at the size limit",
        CachedFileState.Missing => "missing",
        CachedFileState.Binary => "binary, not included",
        CachedFileState.OutsideRepository => "outside the repository, not read",
        CachedFileState.OverBudget => "not included: size limit reached",
        _ => "",
    };
}
