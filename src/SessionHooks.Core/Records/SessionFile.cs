using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionHooks.Records;

/// <summary>What every session file carries: its schema reference and format version.</summary>
internal abstract class SessionFile
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-100)]
    public string? Schema { get; set; }

    [JsonPropertyName("schema_version")]
    [JsonPropertyOrder(-99)]
    [JsonConverter(typeof(FormatVersionConverter))]
    public int SchemaVersion { get; set; } = FormatVersion.Current;

    /// <summary>Fields this version does not know are kept and written back, so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonPropertyOrder(1000)]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The format versions this build reads and writes.</summary>
internal static class FormatVersion
{
    /// <summary>The version written by this build: the record model of docs/records.md.</summary>
    public const int Current = 2;

    /// <summary>
    /// The oldest version whose files have the current shape: a file of version 1 is read as it
    /// is (only the worklog's layout changed, which the store upgrades), so its diagnostics keep
    /// their lines. Version 0, before <c>schema_version</c> existed, is rewritten when read.
    /// </summary>
    public const int SameShapeSince = 1;
}

/// <summary>Reads a format version written as any whole number (<c>1</c>, <c>1.0</c>, <c>1e0</c>), as JSON Schema counts integers.</summary>
internal sealed class FormatVersionConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var whole))
        {
            return whole;
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new JsonException("schema_version is not a whole number");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
