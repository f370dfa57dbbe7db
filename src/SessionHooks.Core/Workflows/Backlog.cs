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
        if (session.Backlog.Any(b => !b.Done && b.Text == item.Text))
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
            foreach (var item in ended.Backlog.Where(b => !b.Done))
            {
                Add(next, new BacklogItem { Text = item.Text, Kind = item.Kind, Priority = item.Priority, FromSession = item.FromSession ?? ended.Id });
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
            .SelectMany(s => s.Backlog.Where(b => !b.Done).Select(b => (Item: b, Session: s)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ordered
            .Where(x => seen.Add(x.Item.Text))
            .Select(x => new BacklogItem { Text = x.Item.Text, Kind = x.Item.Kind, Priority = x.Item.Priority, FromSession = x.Item.FromSession ?? x.Session.Id })
            .OrderBy(b => b.Priority)
            .ToList();
    }
}
