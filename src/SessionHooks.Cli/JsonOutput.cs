using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SessionHooks.Cli;

/// <summary>Output for programs: indented JSON, non-ASCII kept readable.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(JsonNode node) => Console.Write(Text(node));

    /// <summary>What <see cref="Write"/> prints, with its final line break.</summary>
    public static string Text(JsonNode node) => Safety.SafeText.Json(node.ToJsonString(Options)) + "\n";
}
