namespace SessionHooks.Install;

/// <summary>
/// The instructions SessionHooks gives assistants that read a Markdown file of the repository
/// (AGENTS.md for Codex and others, GitHub Copilot's instructions, GEMINI.md): a section between two
/// markers, so uninstall takes out exactly that section and nothing the user wrote.
/// </summary>
internal static class AssistantInstructions
{
    public const string Begin = "<!-- SessionHooks: begin (written by 'session install --assistant'; 'session uninstall' removes it) -->";

    public const string End = "<!-- SessionHooks: end -->";

    public static readonly string Section = string.Join('\n',
    [
        Begin,
        "## Session records (SessionHooks)",
        "",
        "This repository keeps its working sessions in `.sessions/`, in step with git. Never edit those files by hand.",
        "",
        "- **Start** by reading `dotnet session context` (the focus, notes, open tasks and what earlier sessions handed off).",
        "- **Record as you go**: `dotnet session log decision \"…\"` (with the why), `dotnet session log insight|problem \"…\"`,",
        "  `dotnet session log source <url or file>` for what you consulted, `dotnet session task add \"…\" --priority high|medium|low`,",
        "  `dotnet session task start|done|block <id>`. Commit as usual: the hooks link each commit to the session.",
        "- **End** with `dotnet session end --summary \"what was done, what is left\" --status handoff` (or `completed`).",
        End,
    ]) + "\n";

    /// <summary>The text with our section added or brought up to date; null when it is already there as it is.</summary>
    public static string? Add(string? existing)
    {
        var text = (existing ?? "").ReplaceLineEndings("\n");
        if (Find(text) is var (start, end))
        {
            var updated = text[..start] + Section + text[end..];
            return updated == text ? null : updated;
        }

        var separator = text.Length == 0 ? "" : text.EndsWith("\n\n", StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? "\n" : "\n\n";
        return text + separator + Section;
    }

    /// <summary>The text without our section; "" when nothing else remains, null when there was none.</summary>
    public static string? Remove(string existing)
    {
        var text = existing.ReplaceLineEndings("\n");
        if (Find(text) is not var (start, end))
        {
            return null;
        }

        var before = text[..start];
        var after = text[end..];

        // The blank line install put before the section goes with it.
        if (after.Length == 0 && before.EndsWith("\n\n", StringComparison.Ordinal))
        {
            before = before[..^1];
        }

        var rest = before + after;
        return string.IsNullOrWhiteSpace(rest) ? "" : rest;
    }

    /// <summary>Where our section is: from its begin marker to just after its end marker's line.</summary>
    private static (int Start, int End)? Find(string text)
    {
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(End, start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            return null;
        }

        end += End.Length;
        if (end < text.Length && text[end] == '\n')
        {
            end++;
        }

        return (start, end);
    }
}
