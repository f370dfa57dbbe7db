using System.Text.Json;

namespace SessionHooks.Assistants;

/// <summary>
/// What an assistant's hook gets on stdin, in Claude Code's hook contract: a JSON object with
/// <c>session_id</c>, <c>hook_event_name</c>, usually <c>cwd</c>, and fields of the event
/// (<c>prompt</c> for UserPromptSubmit, <c>source</c> for SessionStart, <c>reason</c> for SessionEnd).
/// Fields not read here are ignored, so a newer assistant's extra fields change nothing.
/// </summary>
internal sealed record AssistantHookInput(string Event, string SessionId, string? Cwd, string? Prompt, string? Source)
{
    /// <summary>The most stdin read: a pasted prompt can be large, but a hook must stay fast.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The input, or null with <paramref name="problem"/> saying what is wrong with it.</summary>
    public static AssistantHookInput? Parse(ReadOnlySpan<byte> json, out string problem)
    {
        problem = "";
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            problem = $"the hook input is not JSON ({exception.Message.Split('.')[0]})";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the hook input is not a JSON object";
                return null;
            }

            var name = Text(root, "hook_event_name");
            var session = Text(root, "session_id");
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(session))
            {
                problem = $"the hook input has no {(string.IsNullOrWhiteSpace(name) ? "hook_event_name" : "session_id")}";
                return null;
            }

            return new AssistantHookInput(name, session, Text(root, "cwd"), Text(root, "prompt"), Text(root, "source"));
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
