using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// The merge rules for committed session files (SPEC §4): sessions and entries are matched by
/// id and never dropped; a session's fields come from the side updated last, its creation time
/// from the earliest; lists are merged as sets. The merge driver and recover both use these.
/// </summary>
internal static class SessionMerge
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

        // Ours first, then sessions only theirs has, each in their own order: stable, diff-friendly.
        // Every copy of an id (one on each side, or two on one side) is folded into one.
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var session in Present(ours).Concat(Present(theirs)))
        {
            if (at.TryGetValue(KeyOf(session), out var index))
            {
                merged.Sessions[index] = Merge(merged.Sessions[index], session);
            }
            else
            {
                at[KeyOf(session)] = merged.Sessions.Count;
                merged.Sessions.Add(session);
            }
        }

        return merged;
    }

    /// <summary>
    /// The merge git's merge driver makes, knowing the common ancestor: as
    /// <see cref="Merge(AiSessions, AiSessions)"/>, except that a session one side removed
    /// (<c>session archive</c> moved it to the archive) while the other left it as the ancestor had
    /// it stays removed, so merging a branch that still lists it does not bring it back. A session
    /// the other side changed since is kept: nothing logged is dropped.
    /// </summary>
    public static AiSessions Merge(AiSessions? ancestor, AiSessions ours, AiSessions theirs)
    {
        var merged = Merge(ours, theirs);
        if (ancestor is null)
        {
            return merged;
        }

        var oursById = CopiesById(ours);
        var theirsById = CopiesById(theirs);
        var removed = Present(ancestor)
            .Where(s => RemovedBy(oursById, theirsById, s) || RemovedBy(theirsById, oursById, s))
            .Select(KeyOf)
            .ToHashSet(StringComparer.Ordinal);
        merged.Sessions.RemoveAll(s => removed.Contains(KeyOf(s)));

        // The repository-wide lists the same way: what one side removed since the ancestor stays removed.
        merged.KnowledgeCache = WithoutRemoved(merged.KnowledgeCache, ancestor.KnowledgeCache, ours.KnowledgeCache, theirs.KnowledgeCache);
        merged.ContextNotes = WithoutRemoved(merged.ContextNotes, ancestor.ContextNotes, ours.ContextNotes, theirs.ContextNotes);
        return merged;
    }

    private static List<string> WithoutRemoved(List<string> merged, List<string> ancestor, List<string> ours, List<string> theirs)
    {
        var (inOurs, inTheirs) = (ours.ToHashSet(StringComparer.Ordinal), theirs.ToHashSet(StringComparer.Ordinal));
        var removed = ancestor.Where(item => !inOurs.Contains(item) || !inTheirs.Contains(item)).ToHashSet(StringComparer.Ordinal);
        return removed.Count == 0 ? merged : [.. merged.Where(item => !removed.Contains(item))];
    }

    /// <summary>True when <paramref name="side"/> dropped the ancestor's session and <paramref name="other"/> holds it, once, unchanged.</summary>
    private static bool RemovedBy(Dictionary<string, List<Session>> side, Dictionary<string, List<Session>> other, Session ancestral) =>
        !side.ContainsKey(KeyOf(ancestral))
        && other.TryGetValue(KeyOf(ancestral), out var copies) && copies is [var kept]
        && SessionJson.Serialize(kept) == SessionJson.Serialize(ancestral);

    private static Dictionary<string, List<Session>> CopiesById(AiSessions file) =>
        Present(file).GroupBy(KeyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>The sessions of a file; a <c>null</c> in the list (a hand edit) is no session.</summary>
    private static IEnumerable<Session> Present(AiSessions file) => file.Sessions.Where(s => s is not null);

    private static string KeyOf(Session session) => session.Id ?? "";

    public static Worklog Merge(Worklog ours, Worklog theirs)
    {
        var merged = new Worklog
        {
            Schema = ours.Schema ?? theirs.Schema,
            SchemaVersion = Math.Max(ours.SchemaVersion, theirs.SchemaVersion),
            Extra = MergeExtra(ours.Extra, theirs.Extra),
        };

        var byId = new Dictionary<string, WorklogEntry>();
        foreach (var entry in ours.Entries.Concat(theirs.Entries).Where(e => e?.Id is not null))
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

    /// <summary>Two copies of one session as one: fields of the copy updated last, the earliest creation, lists as sets.</summary>
    public static Session Merge(Session ours, Session theirs)
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
            AssistantSessions = MergeAssistantSessions(newer.AssistantSessions, older.AssistantSessions),
            Extra = MergeExtra(newer.Extra, older.Extra),
        };
    }

    /// <summary>
    /// A session changed locally (kept in the pending area until a commit records it) brought onto
    /// the committed one, which a merge or a pull may have moved on meanwhile: what the local change
    /// altered since <paramref name="base"/> wins, what it left alone keeps the committed value.
    /// Lists are sets: what was added locally is added, what was removed locally is removed.
    /// </summary>
    /// <param name="base">The committed session when the local change began; null for a session started locally.</param>
    public static Session ApplyLocal(Session? @base, Session? committed, Session local)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (committed is null)
        {
            return local;
        }

        if (@base is null)
        {
            // Started here, and meanwhile recorded elsewhere under the same id: merge as git would.
            return Merge(committed, local);
        }

        return new Session
        {
            Id = local.Id,
            Branch = Pick(@base.Branch, committed.Branch, local.Branch),
            Title = Pick(@base.Title, committed.Title, local.Title),
            Type = Pick(@base.Type, committed.Type, local.Type),
            Status = Pick(@base.Status, committed.Status, local.Status),
            Created = committed.Created <= local.Created ? committed.Created : local.Created,
            LastUpdated = committed.LastUpdated > local.LastUpdated ? committed.LastUpdated : local.LastUpdated,
            Author = Pick(@base.Author, committed.Author, local.Author),
            Agent = Pick(@base.Agent, committed.Agent, local.Agent),
            Issues = ApplyLocal(@base.Issues, committed.Issues, local.Issues),
            RelatedSessions = ApplyLocal(@base.RelatedSessions, committed.RelatedSessions, local.RelatedSessions),
            Summary = Pick(@base.Summary, committed.Summary, local.Summary),
            KnowledgeCache = ApplyLocal(@base.KnowledgeCache, committed.KnowledgeCache, local.KnowledgeCache),
            ContextNotes = ApplyLocal(@base.ContextNotes, committed.ContextNotes, local.ContextNotes),
            Backlog = ApplyLocal(@base.Backlog, committed.Backlog, local.Backlog),
            AssistantSessions = MergeAssistantSessions(local.AssistantSessions, committed.AssistantSessions),
            Extra = committed.Extra ?? local.Extra,
        };
    }

    /// <summary>A list changed locally, as a set, onto the committed list: committed order, then what was added.</summary>
    public static List<string> ApplyLocal(List<string> @base, List<string> committed, List<string> local)
    {
        var removed = @base.Except(local, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var result = committed.Where(item => !removed.Contains(item)).ToList();
        result.AddRange(local.Except(@base, StringComparer.Ordinal).Where(item => !result.Contains(item)));
        return result;
    }

    /// <summary>Backlog items are matched by text; a local change to an item's state (done, priority) wins.</summary>
    private static List<BacklogItem> ApplyLocal(List<BacklogItem> @base, List<BacklogItem> committed, List<BacklogItem> local)
    {
        var before = @base.GroupBy(i => i.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = local.GroupBy(i => i.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new List<BacklogItem>();
        foreach (var item in committed)
        {
            var wasThere = before.TryGetValue(item.Text, out var old);
            if (wasThere && !now.ContainsKey(item.Text))
            {
                continue;
            }

            result.Add(wasThere && now.TryGetValue(item.Text, out var mine) && !SameItem(mine, old!) ? mine : item);
        }

        result.AddRange(local.Where(i => !before.ContainsKey(i.Text) && !result.Exists(r => r.Text == i.Text)));
        return result;
    }

    private static bool SameItem(BacklogItem a, BacklogItem b) =>
        a.Kind == b.Kind && a.Priority == b.Priority && a.Done == b.Done && a.FromSession == b.FromSession
        && a.Id == b.Id && a.Status == b.Status && a.EstimateMinutes == b.EstimateMinutes && a.ActualMinutes == b.ActualMinutes
        && a.Started == b.Started && a.Finished == b.Finished && a.Reason == b.Reason
        && (a.Commits ?? []).SequenceEqual(b.Commits ?? [], StringComparer.Ordinal);

    /// <summary>Links to assistants' sessions are a set, keyed by assistant and id; null while there are none.</summary>
    private static List<AssistantSession>? MergeAssistantSessions(List<AssistantSession>? first, List<AssistantSession>? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        var seen = new HashSet<(string, string)>();
        return [.. first.Concat(second).Where(link => seen.Add((link.Assistant, link.Id)))];
    }

    private static T Pick<T>(T @base, T committed, T local) =>
        EqualityComparer<T>.Default.Equals(local, @base) ? committed : local;

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
