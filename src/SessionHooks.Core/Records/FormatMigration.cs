using System.Text.Json.Nodes;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// Brings files written in an older format up to <see cref="FormatVersion.Current"/> when they are
/// read, so they are rewritten in the current format on the next write.
/// </summary>
/// <remarks>
/// Version 0 is the layout before <c>schema_version</c> existed: <c>ai_sessions.json</c> kept
/// <c>sessions</c> as an object keyed by id, and each session's <c>main_topic</c> where version 1
/// has <c>title</c>; <c>worklog.json</c> entries had <c>type</c> where version 1 has <c>kind</c>.
/// <c>current_session.json</c> and <c>config.json</c> kept their layout.
/// </remarks>
internal static class FormatMigration
{
    public const int Legacy = 0;

    /// <summary>
    /// Whether a file without <c>schema_version</c> has the version 0 layout. Files that do not show
    /// it are not guessed at: their version is reported as missing.
    /// </summary>
    public static bool LooksLegacy(SessionFileKind kind, JsonObject root) => kind switch
    {
        SessionFileKind.AiSessions => root["sessions"] is JsonObject ||
            (root["sessions"] is JsonArray sessions && sessions.OfType<JsonObject>().Any(s => s.ContainsKey("main_topic") && !s.ContainsKey("title"))),
        SessionFileKind.Worklog => root["entries"] is JsonArray entries &&
            entries.OfType<JsonObject>().Any(e => e.ContainsKey("type") && !e.ContainsKey("kind")),
        _ => false,
    };

    /// <summary>Rewrites <paramref name="root"/> in place from <paramref name="version"/> to the current version.</summary>
    public static void Migrate(SessionFileKind kind, JsonObject root, int version)
    {
        if (version <= Legacy)
        {
            FromLegacy(kind, root);
        }

        root["schema_version"] = FormatVersion.Current;
    }

    private static void FromLegacy(SessionFileKind kind, JsonObject root)
    {
        switch (kind)
        {
            case SessionFileKind.AiSessions:
                if (root["sessions"] is JsonObject keyed)
                {
                    root["sessions"] = SessionsAsList(keyed);
                }

                foreach (var session in (root["sessions"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Rename(session, "main_topic", "title");
                }

                break;
            case SessionFileKind.Worklog:
                foreach (var entry in (root["entries"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Rename(entry, "type", "kind");
                }

                break;
        }
    }

    private static JsonArray SessionsAsList(JsonObject keyed)
    {
        var list = new JsonArray();
        foreach (var (id, value) in keyed.ToList())
        {
            keyed.Remove(id);
            if (value is JsonObject session && !session.ContainsKey("id"))
            {
                session.Insert(0, "id", id);
            }

            list.Add(value);
        }

        return list;
    }

    private static void Rename(JsonObject node, string from, string to)
    {
        if (node.ContainsKey(to) || !node.TryGetPropertyValue(from, out var value))
        {
            return;
        }

        var index = node.IndexOf(from);
        node.Remove(from);
        node.Insert(index, to, value);
    }
}
