using System.Globalization;
using System.Text;

namespace SessionHooks.Context;

/// <summary>
/// Keeps a context within a size (a model's budget, roughly four bytes a token): while the
/// rendered text is too long, the least important item goes — sessions of other branches first,
/// then cached files' contents (the last one cut short when that is enough), earlier sessions of
/// the branch, cache paths, notes, what happened since, decisions, and open tasks last; the focus
/// always stays. What was dropped is named at the end, inside the size.
/// </summary>
internal static class ContextBudget
{
    /// <summary>The smallest size asked for that still holds the focus and the note about what was left out.</summary>
    public const long Minimum = 512;

    // Least important first; each takes one item off the end of its list, or says there is none left.
    private static readonly Part[] Parts =
    [
        new("sessions of other branches", c => c.OtherSessions.Count, c => c with { OtherSessions = c.OtherSessions.Take(c.OtherSessions.Count - 1).ToList() }),
        new("cached files' contents", c => c.KnowledgeCache.Count(f => f.Content is not null), DropContent, CutContent),
        new("earlier sessions of this branch", c => c.BranchSessions.Count, c => c with { BranchSessions = c.BranchSessions.Take(c.BranchSessions.Count - 1).ToList() }),
        new("knowledge cache paths", c => c.KnowledgeCache.Count, c => c with { KnowledgeCache = c.KnowledgeCache.Take(c.KnowledgeCache.Count - 1).ToList() }),
        new("context notes", c => c.SessionNotes.Count + c.RepositoryNotes.Count, c => c.RepositoryNotes.Count > 0
            ? c with { RepositoryNotes = c.RepositoryNotes.Take(c.RepositoryNotes.Count - 1).ToList() }
            : c with { SessionNotes = c.SessionNotes.Take(c.SessionNotes.Count - 1).ToList() }),
        new("commits since", c => c.Since?.Commits.Count ?? 0, c => c with { Since = c.Since! with { Commits = c.Since.Commits.Take(c.Since.Commits.Count - 1).ToList() } }),
        new("entries since", c => c.Since?.Entries.Count ?? 0, c => c with { Since = c.Since! with { Entries = c.Since.Entries.Take(c.Since.Entries.Count - 1).ToList() } }),
        new("sessions since", c => c.Since?.Sessions.Count ?? 0, c => c with { Since = c.Since! with { Sessions = c.Since.Sessions.Take(c.Since.Sessions.Count - 1).ToList() } }),
        new("tasks added since", c => c.Since?.TasksAdded.Count ?? 0, c => c with { Since = c.Since! with { TasksAdded = c.Since.TasksAdded.Take(c.Since.TasksAdded.Count - 1).ToList() } }),
        new("tasks done since", c => c.Since?.TasksDone.Count ?? 0, c => c with { Since = c.Since! with { TasksDone = c.Since.TasksDone.Take(c.Since.TasksDone.Count - 1).ToList() } }),
        new("decisions", c => c.Decisions.Count, c => c with { Decisions = c.Decisions.Take(c.Decisions.Count - 1).ToList() }),
        new("open tasks", c => c.Tasks.Count, c => c with { Tasks = c.Tasks.Take(c.Tasks.Count - 1).ToList() }),
        new("the handoff summary", c => c.Handoff is null ? 0 : 1, c => c with { Handoff = null }),
    ];

    /// <summary>The context with as much as fits in <paramref name="maxBytes"/> bytes of <paramref name="render"/>'s UTF-8 output.</summary>
    public static AssistantContext Fit(AssistantContext context, long maxBytes, Func<AssistantContext, string> render)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(render);
        var totals = Parts.Select(p => p.Count(context)).ToArray();
        var dropped = new int[Parts.Length];
        var current = context with { MaxBytes = maxBytes, Dropped = [] };
        var cut = new List<string>();
        var part = 0;
        while (part < Parts.Length)
        {
            var size = Encoding.UTF8.GetByteCount(render(current));
            if (size <= maxBytes)
            {
                break;
            }

            if (Parts[part].Count(current) == 0)
            {
                part++;
                continue;
            }

            if (Parts[part].Cut?.Invoke(current, size - maxBytes) is { } shorter)
            {
                current = shorter;
                var path = current.KnowledgeCache.Last(f => f.State == CachedFileState.Truncated && f.Content is not null).Path;
                if (!cut.Contains(path))
                {
                    cut.Add(path);
                }
            }
            else
            {
                current = Parts[part].Drop(current);
                dropped[part]++;
            }

            current = current with { Dropped = [.. cut.Select(p => "the end of " + p), .. Describe(dropped, totals)] };
        }

        return current;
    }

    private static List<string> Describe(int[] dropped, int[] totals) =>
        [.. Parts.Select((p, i) => dropped[i] == 0 ? null
            : dropped[i] == totals[i] ? (totals[i] == 1 ? p.Name : string.Create(CultureInfo.InvariantCulture, $"all {totals[i]} {p.Name}"))
            : string.Create(CultureInfo.InvariantCulture, $"{dropped[i]} of {totals[i]} {p.Name}"))
            .OfType<string>()];

    private static AssistantContext DropContent(AssistantContext context)
    {
        var files = context.KnowledgeCache.ToList();
        var last = files.FindLastIndex(f => f.Content is not null);
        files[last] = files[last] with { Content = null, State = CachedFileState.OverBudget };
        return context with { KnowledgeCache = files };
    }

    /// <summary>The last included file cut short by the excess, when that leaves a useful part of it; else null (drop it).</summary>
    private static AssistantContext? CutContent(AssistantContext context, long excess)
    {
        const int Useful = 256;
        var files = context.KnowledgeCache.ToList();
        var last = files.FindLastIndex(f => f.Content is not null);
        var content = files[last].Content!;

        // Cut by bytes, a little more than the excess: the state note grows and a character may take several bytes.
        var keep = Encoding.UTF8.GetByteCount(content) - excess - 64;
        if (keep < Useful)
        {
            return null;
        }

        var chars = (int)Math.Min(content.Length, keep);
        while (chars > 0 && Encoding.UTF8.GetByteCount(content.AsSpan(0, chars)) > keep)
        {
            chars -= Math.Max(1, chars / 16);
        }

        if (chars > 0 && char.IsHighSurrogate(content[chars - 1]))
        {
            chars--;
        }

        files[last] = files[last] with { Content = content[..chars], State = CachedFileState.Truncated };
        return context with { KnowledgeCache = files };
    }

    private sealed record Part(
        string Name,
        Func<AssistantContext, int> Count,
        Func<AssistantContext, AssistantContext> Drop,
        Func<AssistantContext, long, AssistantContext?>? Cut = null);
}
