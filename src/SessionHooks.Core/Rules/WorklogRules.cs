using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Git;

namespace SessionHooks.Rules;

/// <summary>
/// Which commits have a worklog entry. A commit made through the hooks carries its own entry:
/// its worklog.json holds a commit entry its first parent's does not (this survives rebases,
/// cherry-picks and amends). A commit logged afterwards by recover is named by id in a
/// backfilled entry.
/// </summary>
internal static class WorklogRules
{
    private static readonly string WorklogPath = SessionFileKind.Worklog.RepoPath();

    public static IEnumerable<Diagnostic> UnloggedCommits(GitRepository git, Worklog? tipWorklog, IReadOnlyList<CommitInfo> commits) =>
        FindUnlogged(git, tipWorklog, commits).Select(commit => DiagnosticCatalog.UnloggedCommit.ForFile(
            WorklogPath,
            $"commit {commit.Id[..Math.Min(12, commit.Id.Length)]} \"{commit.Subject}\" has no worklog entry (made with --no-verify or without the hooks)"));

    public static IReadOnlyList<CommitInfo> FindUnlogged(GitRepository git, Worklog? worklog, IReadOnlyList<CommitInfo> commits)
    {
        var backfilled = worklog?.Entries?.Where(e => e?.Commit is not null).Select(e => e.Commit!).ToHashSet(StringComparer.Ordinal) ?? [];
        // A commit with no worklog is history from before the repository took up SessionHooks: it has none to carry entries.
        return [.. commits.Where(c => !c.IsMerge && !backfilled.Contains(c.Id)
            && git.BlobIdAtCommit(c.Id, WorklogPath) is { } blob && !CarriesOwnEntry(git, c, blob))];
    }

    private static bool CarriesOwnEntry(GitRepository git, CommitInfo commit, string blob)
    {
        var parent = commit.Parents.Count > 0 ? commit.Parents[0] : null;
        var parentBlob = parent is null ? null : git.BlobIdAtCommit(parent, WorklogPath);
        if (blob == parentBlob)
        {
            return false;
        }

        var beforeText = parent is null ? null : git.ReadFileAtCommit(parent, WorklogPath);
        var afterText = git.ReadFileAtCommit(commit.Id, WorklogPath);
        if (beforeText is not null && afterText is not null && AppendedEntries(beforeText, afterText) is { } appended &&
            appended.All(e => e.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            // Only entries the commit added can be its own: read those, not the whole history.
            return appended.Any(e => IsCommitEntry(e) && !beforeText.Contains(EntryIdLine(e.Id), StringComparison.Ordinal));
        }

        var before = CommitEntryIds(beforeText);
        var after = CommitEntryIds(afterText);
        return after.Except(before).Any();
    }

    /// <summary>
    /// The entries <paramref name="after"/> holds beyond <paramref name="before"/> when it is
    /// <paramref name="before"/> with entries added at the end (as the hooks write it); null otherwise.
    /// </summary>
    private static List<WorklogEntry>? AppendedEntries(string before, string after)
    {
        const string closing = "\n  ]\n}\n";
        if (!before.EndsWith("}" + closing, StringComparison.Ordinal) || !after.EndsWith(closing, StringComparison.Ordinal))
        {
            return null;
        }

        var kept = before.Length - closing.Length;
        if (after.Length <= before.Length || !after.AsSpan(0, kept).SequenceEqual(before.AsSpan(0, kept)) || after[kept] != ',')
        {
            return null;
        }

        try
        {
            return SessionJson.ReadWorklog("{\"entries\": [" + after[(kept + 1)..^closing.Length] + "]}").Entries is { } entries
                && entries.TrueForAll(e => e is not null && e.Id is not null)
                ? entries
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// How an entry's id (letters, digits and dashes) stands in a file as SessionJson writes it; never
    /// inside a string value, as those hold no raw line breaks.
    /// </summary>
    private static string EntryIdLine(string id) => $"\n      \"id\": \"{id}\",\n";

    private static bool IsCommitEntry(WorklogEntry entry) =>
        entry.Kind is WorklogKind.Commit or WorklogKind.Merge && entry.Commit is null;

    private static HashSet<string> CommitEntryIds(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var worklog = SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), WorklogPath).Value;
        // An older commit's worklog may break its schema (a list or an id missing): what it does hold counts.
        return worklog?.Entries?
            .Where(e => e?.Id is not null)
            .Where(e => e.Kind is WorklogKind.Commit or WorklogKind.Merge && e.Commit is null)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal) ?? [];
    }
}
