using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// The one place that turns session files into text and back: two-space indent, declared key
/// order, unknown fields kept, non-ASCII text left readable, LF line ends and a trailing newline.
/// </summary>
internal static class SessionJson
{
    // Built at run time: the source generator's attribute cannot set the encoder, and the
    // default one escapes every non-ASCII character, which makes unicode branch names unreadable.
    private static readonly SessionJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampConverter() },
    });

    public static string Serialize(AiSessions value) => Finish(JsonSerializer.Serialize(value, Context.AiSessions));

    public static string Serialize(Worklog value) => Finish(JsonSerializer.Serialize(value, Context.Worklog));

    public static string Serialize(CurrentSession value) => Finish(JsonSerializer.Serialize(value, Context.CurrentSession));

    public static string Serialize(SessionConfig value) => Finish(JsonSerializer.Serialize(value, Context.SessionConfig));

    public static string Serialize(WorklogEntry value) => JsonSerializer.Serialize(value, Context.WorklogEntry);

    public static AiSessions ReadAiSessions(string json) => JsonSerializer.Deserialize(json, Context.AiSessions) ?? throw Null();

    public static Worklog ReadWorklog(string json) => JsonSerializer.Deserialize(json, Context.Worklog) ?? throw Null();

    public static CurrentSession ReadCurrentSession(string json) => JsonSerializer.Deserialize(json, Context.CurrentSession) ?? throw Null();

    public static SessionConfig ReadConfig(string json) => JsonSerializer.Deserialize(json, Context.SessionConfig) ?? throw Null();

    public static JsonSerializerOptions Options => Context.Options;

    /// <summary>A deep copy, as a read of what <see cref="Serialize(AiSessions)"/> would write.</summary>
    public static Session Copy(Session value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, Context.Session), Context.Session) ?? throw Null();

    /// <inheritdoc cref="Copy(Session)"/>
    public static WorklogEntry Copy(WorklogEntry value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, Context.WorklogEntry), Context.WorklogEntry) ?? throw Null();

    public static string Serialize(Session value) => JsonSerializer.Serialize(value, Context.Session);

    internal static string Finish(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    private static JsonException Null() => new("the file holds 'null' where an object is expected");
}

[JsonSerializable(typeof(AiSessions))]
[JsonSerializable(typeof(Worklog))]
[JsonSerializable(typeof(CurrentSession))]
[JsonSerializable(typeof(SessionConfig))]
[JsonSerializable(typeof(WorklogEntry))]
[JsonSerializable(typeof(Session))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
