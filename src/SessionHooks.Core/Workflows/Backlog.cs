using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>
/// The open backlog: tasks and ideas not done. Each lives in the backlog of the session that noted
/// it; when a session ends, its open items are carried to the next session of the same branch,
/// which inherits them when it starts. Items are matched by their text, so nothing shows twice.
/// </summary>
internal static class Backlog
{
    /// <summary>Adds an item unless an open one with the same text is already there.</summary>
    public static bool Add(Session session, BacklogItem item)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        if (session.Backlog.Any(b => b.IsOpen && b.Text == item.Text))
        {
            return false;
        }

        session.Backlog.Add(item);
        return true;
    }

    /// <summary>Open items of the branch's ended sessions, carried into a session that starts on it.</summary>
    public static void Inherit(AiSessions sessions, Session next)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var ended in sessions.Sessions.Where(s => !s.IsOpen && s.Branch == next.Branch && s.Id != next.Id))
        {
            foreach (var item in ended.Backlog.Where(b => b.IsOpen))
            {
                Add(next, Copy(item, item.FromSession ?? ended.Id));
            }

            if (!next.RelatedSessions.Contains(ended.Id))
            {
                next.RelatedSessions.Add(ended.Id);
            }
        }
    }

    /// <summary>
    /// What is still to do in the repository: the given session's open items first, then every
    /// other session's, by priority, each text once.
    /// </summary>
    public static IReadOnlyList<BacklogItem> Open(AiSessions? sessions, string? firstSessionId)
    {
        if (sessions is null)
        {
            return [];
        }

        var ordered = sessions.Sessions
            .OrderByDescending(s => s.Id == firstSessionId)
            .ThenByDescending(s => s.LastUpdated)
            .SelectMany(s => s.Backlog.Where(b => b.IsOpen).Select(b => (Item: b, Session: s)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ordered
            .Where(x => seen.Add(x.Item.Text))
            .Select(x => Copy(x.Item, x.Item.FromSession ?? x.Session.Id))
            .OrderBy(b => b.Priority)
            .ToList();
    }

    /// <summary>The item with every field of it, as a new object (a session's backlog holds its own copies).</summary>
    public static BacklogItem Copy(BacklogItem item, string? fromSession)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new BacklogItem
        {
            Text = item.Text,
            Kind = item.Kind,
            Priority = item.Priority,
            FromSession = fromSession,
            Done = item.Done,
            Id = item.Id,
            Status = item.Status,
            EstimateMinutes = item.EstimateMinutes,
            ActualMinutes = item.ActualMinutes,
            Created = item.Created,
            Started = item.Started,
            Finished = item.Finished,
            Reason = item.Reason,
            Commits = item.Commits is null ? null : [.. item.Commits],
            Extra = item.Extra,
        };
    }
}
