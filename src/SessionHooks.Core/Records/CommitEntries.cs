using System.Globalization;

namespace SessionHooks.Records;

/// <summary>
/// Worklog entries for commits, made from the commit itself. The id comes from the commit (its
/// time and the first 16 hex digits of its id), so every clone names a commit's entry alike and a
/// commit recorded twice is one entry.
/// </summary>
internal static class CommitEntries
{
    private const int IdDigits = 16;

    public static string EntryId(string commitId, DateTimeOffset commitTime) =>
        commitTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + commitId[..IdDigits];

    /// <summary>An entry for <paramref name="commit"/> in <paramref name="sessionId"/>; the caller adds what it knows more (files, links).</summary>
    public static WorklogEntry For(Git.CommitInfo commit, string sessionId, string? branch) => new()
    {
        Id = EntryId(commit.Id, commit.CommitTime),
        Session = sessionId,
        Time = commit.CommitTime,
        Kind = commit.IsMerge ? WorklogKind.Merge : WorklogKind.Commit,
        Text = commit.Subject,
        Author = $"{commit.AuthorName} <{commit.AuthorEmail}>",
        Branch = branch,
        Parent = commit.Parents.Count > 0 ? commit.Parents[0] : null,
        Merged = commit.Parents.Count > 1 ? [.. commit.Parents.Skip(1)] : null,
        Commit = commit.Id,
    };
}
