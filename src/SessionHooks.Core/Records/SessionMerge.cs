using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// The merge rules for committed session files (SPEC §4): sessions and entries are matched by
/// id and never dropped; a session's fields come from the side updated last, its creation time
/// from the earliest; lists are merged as sets. The merge driver and recover both use these.
/// </summary>
public static class SessionMerge
{
    public static AiSessions Merge(AiSessions ours, AiSessions theirs)
    {
        var merged = new AiSessions
        {
            Schema = ours.Schema ?? theirs.Schema,
            SchemaVersion = Math.Max(ours.SchemaVersion, theirs.SchemaVersion),
            KnowledgeCache = Union(ours.KnowledgeCache, theirs.KnowledgeCache),
            ContextNotes = Union(ours.ContextNotes, theirs.ContextNotes),
            Extra = MergeExtra(ours.Extra, theirs.Extra),
        };

        var theirsById = theirs.Sessions.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<string>();
        foreach (var session in ours.Sessions.Concat(theirs.Sessions))
        {
            if (!seen.Add(session.Id))
            {
                continue;
            }

            var other = theirsById.GetValueOrDefault(session.Id);
            merged.Sessions.Add(other is null || ReferenceEquals(other, session) ? session : Merge(session, other));
        }

        // Ours first, then sessions only theirs has, each in their own order: stable, diff-friendly.
        return merged;
    }

    public static Worklog Merge(Worklog ours, Worklog theirs)
    {
        var merged = new Worklog
        {
            Schema = ours.Schema ?? theirs.Schema,
            SchemaVersion = Math.Max(ours.SchemaVersion, theirs.SchemaVersion),
            Extra = MergeExtra(ours.Extra, theirs.Extra),
        };

        var byId = new Dictionary<string, WorklogEntry>();
        foreach (var entry in ours.Entries.Concat(theirs.Entries))
        {
            // An entry is written once; should both sides hold different versions (an amended
            // commit), the later one is kept.
            if (!byId.TryGetValue(entry.Id, out var existing) || entry.Time > existing.Time)
            {
                byId[entry.Id] = entry;
            }
        }

        merged.Entries.AddRange(byId.Values
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Id, StringComparer.Ordinal));
        return merged;
    }

    private static Session Merge(Session ours, Session theirs)
    {
        var (newer, older) = theirs.LastUpdated > ours.LastUpdated ? (theirs, ours) : (ours, theirs);
        return new Session
        {
            Id = newer.Id,
            Branch = newer.Branch ?? older.Branch,
            Title = string.IsNullOrEmpty(newer.Title) ? older.Title : newer.Title,
            Type = newer.Type,
            Status = newer.Status,
            Created = ours.Created <= theirs.Created ? ours.Created : theirs.Created,
            LastUpdated = newer.LastUpdated,
            Author = newer.Author ?? older.Author,
            Agent = newer.Agent ?? older.Agent,
            Issues = Union(newer.Issues, older.Issues),
            RelatedSessions = Union(newer.RelatedSessions, older.RelatedSessions),
            Summary = newer.Summary ?? older.Summary,
            KnowledgeCache = Union(newer.KnowledgeCache, older.KnowledgeCache),
            ContextNotes = Union(newer.ContextNotes, older.ContextNotes),
            Backlog = MergeBacklog(newer.Backlog, older.Backlog),
            Extra = MergeExtra(newer.Extra, older.Extra),
        };
    }

    /// <summary>Backlog items are the same item when their text is; the newer side's state wins.</summary>
    private static List<BacklogItem> MergeBacklog(List<BacklogItem> newer, List<BacklogItem> older)
    {
        var result = new List<BacklogItem>(newer);
        var texts = new HashSet<string>(newer.Select(i => i.Text), StringComparer.Ordinal);
        result.AddRange(older.Where(i => texts.Add(i.Text)));
        return result;
    }

    private static List<string> Union(List<string> first, List<string> second)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. first.Concat(second).Where(seen.Add)];
    }

    private static Dictionary<string, System.Text.Json.JsonElement>? MergeExtra(
        Dictionary<string, System.Text.Json.JsonElement>? preferred,
        Dictionary<string, System.Text.Json.JsonElement>? other)
    {
        if (preferred is null || other is null)
        {
            return preferred ?? other;
        }

        var result = new Dictionary<string, System.Text.Json.JsonElement>(other);
        foreach (var (key, value) in preferred)
        {
            result[key] = value;
        }

        return result;
    }
}
