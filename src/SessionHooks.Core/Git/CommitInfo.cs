namespace SessionHooks.Git;

/// <summary>
/// A commit as the session engine needs it; <see cref="Subject"/> is git's <c>%s</c>, <see cref="SessionId"/>
/// what its <c>Session-Id</c> trailer names (docs/records.md), when it has one.
/// </summary>
internal sealed record CommitInfo(
    string Id,
    IReadOnlyList<string> Parents,
    string Subject,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorTime,
    DateTimeOffset CommitTime,
    string? SessionId = null)
{
    public bool IsMerge => Parents.Count > 1;

    internal static CommitInfo From(LibGit2Sharp.Commit commit) => new(
        commit.Sha,
        commit.Parents.Select(p => p.Sha).ToList(),
        commit.MessageShort,
        commit.Author.Name,
        commit.Author.Email,
        commit.Author.When,
        commit.Committer.When,
        Records.CommitTrailer.SessionOf(commit.Message));
}
