namespace SessionHooks.Records;

/// <summary>
/// Entries form a set keyed by id (docs/records.md): the same id is the same thing, wherever it
/// was recorded. Two records of one id that differ — a commit recorded as backfilled by one clone
/// and as replaced by another — are one entry holding what both say.
/// </summary>
internal static class EntrySet
{
    /// <summary>Each id once, in time order; merged field by field where records of one id differ.</summary>
    public static List<WorklogEntry> Union(IEnumerable<WorklogEntry> entries)
    {
        var byId = new Dictionary<string, WorklogEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byId[entry.Id] = byId.TryGetValue(entry.Id, out var known) ? Merge(known, entry) : entry;
        }

        return [.. byId.Values.OrderBy(e => e.Time).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>True when the two say the same about the entry (compared as they are written).</summary>
    public static bool SameRecord(WorklogEntry a, WorklogEntry b) =>
        SessionJson.Serialize(a) == SessionJson.Serialize(b);

    private static WorklogEntry Merge(WorklogEntry first, WorklogEntry second) => new()
    {
        Id = first.Id,
        Session = first.Session.Length > 0 ? first.Session : second.Session,
        Time = first.Time,
        Kind = first.Kind,
        Text = first.Text ?? second.Text,
        Author = first.Author ?? second.Author,
        Branch = first.Branch ?? second.Branch,
        Parent = first.Parent ?? second.Parent,
        Merged = first.Merged ?? second.Merged,
        Files = first.Files is { Count: > 0 } ? first.Files : second.Files ?? first.Files,
        Commit = first.Commit ?? second.Commit,
        Backfilled = first.Backfilled == true || second.Backfilled == true ? true : first.Backfilled ?? second.Backfilled,
        ReplacedBy = first.ReplacedBy ?? second.ReplacedBy,
        Task = first.Task ?? second.Task,
        Assistant = first.Assistant ?? second.Assistant,
        Extra = first.Extra ?? second.Extra,
    };
}
