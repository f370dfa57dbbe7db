using SessionHooks.Git;
using SessionHooks.Workflows;
using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>
/// A session in figures: what git says of its commits, how long it ran, what was logged. Each
/// commit is its own entry (docs/records.md), so <see cref="EntriesByKind"/> counts the commits
/// on the branch as <c>commit</c> (and <c>merge</c>) entries; commits a rewrite replaced are
/// <see cref="Replaced"/>, kept apart.
/// </summary>
internal sealed record SessionSummary(
    Session Session,
    IReadOnlyList<CommitInfo> Commits,
    int FilesChanged,
    int LinesAdded,
    int LinesRemoved,
    TimeSpan Duration,
    IReadOnlyDictionary<string, int> EntriesByKind,
    IReadOnlyList<WorklogEntry> Replaced,
    TaskFigures Tasks)
{
    /// <summary>Each file the session's commits changed, with the lines added and removed in all of them, in the order first changed.</summary>
    public IReadOnlyList<FileStat> Files { get; init; } = [];

    /// <param name="until">The end of an open session's span (now); a closed one ends at its last update.</param>
    public static SessionSummary Of(GitRepository git, Session session, IReadOnlyList<WorklogEntry> entries, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(entries);
        var commits = SessionCommits.Find(git, session, entries);
        var files = new Dictionary<string, FileStat>(StringComparer.Ordinal);
        var order = new List<string>();
        int added = 0, removed = 0;
        foreach (var stat in commits.SelectMany(c => git.NumStat(c.Id)))
        {
            if (files.TryGetValue(stat.Path, out var known))
            {
                files[stat.Path] = known with { Added = known.Added + stat.Added, Removed = known.Removed + stat.Removed, Binary = known.Binary || stat.Binary };
            }
            else
            {
                files[stat.Path] = stat;
                order.Add(stat.Path);
            }

            added += stat.Added;
            removed += stat.Removed;
        }

        var own = entries.Where(e => e.Session == session.Id).ToList();
        var replaced = own.Where(e => e.ReplacedBy is not null).ToList();
        var logged = own
            .Where(e => e.Kind is not (WorklogKind.Commit or WorklogKind.Merge))
            .Select(e => Names.Of(e.Kind))
            .Concat(commits.Select(c => Names.Of(c.IsMerge ? WorklogKind.Merge : WorklogKind.Commit)));
        var byKind = logged
            .GroupBy(kind => kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var end = session.IsOpen ? until : session.LastUpdated;
        var duration = end > session.Created ? end - session.Created : TimeSpan.Zero;
        return new SessionSummary(session, commits, files.Count, added, removed, duration, byKind, replaced, TaskFigures.Of(session, until))
        {
            Files = [.. order.Select(path => files[path])],
        };
    }
}
