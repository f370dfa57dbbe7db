using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>The store's own files (the pending area, the commit in progress), written as the session files are.</summary>
internal static class StoreJson
{
    private static readonly StoreJsonContext Context = new(new JsonSerializerOptions(SessionJson.Options));

    public static string Serialize(PendingSession value) => SessionJson.Finish(JsonSerializer.Serialize(value, Context.PendingSession));

    public static string Serialize(PendingRepository value) => SessionJson.Finish(JsonSerializer.Serialize(value, Context.PendingRepository));

    public static string Serialize(CommitRecording value) => SessionJson.Finish(JsonSerializer.Serialize(value, Context.CommitRecording));

    public static PendingSession ReadPendingSession(string json) => JsonSerializer.Deserialize(json, Context.PendingSession) ?? throw Null();

    public static PendingRepository ReadPendingRepository(string json) => JsonSerializer.Deserialize(json, Context.PendingRepository) ?? throw Null();

    public static CommitRecording ReadCommitRecording(string json) => JsonSerializer.Deserialize(json, Context.CommitRecording) ?? throw Null();

    private static JsonException Null() => new("the file holds 'null' where an object is expected");
}

[JsonSerializable(typeof(PendingSession))]
[JsonSerializable(typeof(PendingRepository))]
[JsonSerializable(typeof(CommitRecording))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
