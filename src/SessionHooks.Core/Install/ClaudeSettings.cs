using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Diagnostics;

namespace SessionHooks.Install;

/// <summary>
/// Claude Code's project settings, <c>.claude/settings.json</c>: SessionHooks' hook commands added
/// to its <c>hooks</c> (one matcher group per event), everything of the user's kept in place, and
/// found again by their exact command for uninstall.
/// </summary>
internal static class ClaudeSettings
{
    public const string RepoPath = ".claude/settings.json";

    /// <summary>
    /// The command every event runs. <c>$CLAUDE_PROJECT_DIR</c>, because Claude Code may run it from a
    /// subfolder; <c>|| true</c>, because a checkout without the launcher must not fail the assistant
    /// (exit 2 would block the user's prompt).
    /// </summary>
    public const string Command = "sh \"$CLAUDE_PROJECT_DIR/" + LauncherScript.RepoPath + "\" assistant-hook claude || true";

    /// <summary>The events, and the SessionStart sources: every one, since compact and clear lose the context too.</summary>
    public static readonly IReadOnlyList<(string Event, string? Matcher)> Events =
    [
        ("SessionStart", "startup|resume|clear|compact"),
        ("UserPromptSubmit", null),
        ("Stop", null),
        ("SessionEnd", null),
    ];

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true };

    /// <summary>The settings with our hooks added; null when every one is there already.</summary>
    public static string? Add(string? existing, string displayPath)
    {
        var root = existing is null ? new JsonObject() : Parse(existing, displayPath);
        var hooks = root["hooks"] as JsonObject ?? (root["hooks"] is null ? new JsonObject() : throw Invalid(displayPath, "'hooks' is not an object"));
        root["hooks"] = hooks;
        var changed = false;
        foreach (var (name, matcher) in Events)
        {
            var groups = hooks[name] as JsonArray ?? (hooks[name] is null ? new JsonArray() : throw Invalid(displayPath, $"'hooks.{name}' is not an array"));
            hooks[name] = groups;
            if (groups.OfType<JsonObject>().Any(g => Ours(g).Any()))
            {
                continue;
            }

            var group = new JsonObject();
            if (matcher is not null)
            {
                group["matcher"] = matcher;
            }

            group["hooks"] = new JsonArray(new JsonObject { ["type"] = "command", ["command"] = Command, ["timeout"] = 30 });
            groups.Add((JsonNode)group);
            changed = true;
        }

        return changed ? Serialize(root) : null;
    }

    /// <summary>The settings without our hooks (emptied groups and events go too); "" when nothing else remains, null when nothing was ours.</summary>
    public static string? Remove(string existing, string displayPath)
    {
        var root = Parse(existing, displayPath);
        if (root["hooks"] is not JsonObject hooks)
        {
            return null;
        }

        var changed = false;
        foreach (var (name, value) in hooks.ToList())
        {
            if (value is not JsonArray groups)
            {
                continue;
            }

            foreach (var group in groups.OfType<JsonObject>().ToList())
            {
                foreach (var hook in Ours(group).ToList())
                {
                    ((JsonArray)group["hooks"]!).Remove(hook);
                    changed = true;
                }

                if (group["hooks"] is JsonArray { Count: 0 })
                {
                    groups.Remove(group);
                }
            }

            if (groups.Count == 0 && changed)
            {
                hooks.Remove(name);
            }
        }

        if (!changed)
        {
            return null;
        }

        if (hooks.Count == 0)
        {
            root.Remove("hooks");
        }

        return root.Count == 0 ? "" : Serialize(root);
    }

    private static IEnumerable<JsonNode> Ours(JsonObject group) =>
        (group["hooks"] as JsonArray ?? []).OfType<JsonObject>().Where(h => h["command"] is JsonValue v && v.TryGetValue<string>(out var c) && c == Command);

    private static JsonObject Parse(string text, string displayPath)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: ReadOptions) as JsonObject ?? throw Invalid(displayPath, "the settings are not a JSON object");
        }
        catch (JsonException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidJson.At(displayPath, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1,
                exception.Message.Split(" Path:")[0].Split(" LineNumber:")[0], "correct .claude/settings.json, then run 'session install' again"));
        }
    }

    private static string Serialize(JsonObject root) =>
        root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static SessionHooksException Invalid(string displayPath, string message) =>
        new(DiagnosticCatalog.InvalidJson.ForFile(displayPath, message, "correct .claude/settings.json, then run 'session install' again"));
}
