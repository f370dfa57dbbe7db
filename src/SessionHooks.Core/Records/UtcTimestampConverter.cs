using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionHooks.Records;

/// <summary>Writes times as <c>2026-11-21T19:52:03Z</c>: UTC, whole seconds, so diffs stay short and sortable.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The times SessionHooks writes (…Z) are parsed from the UTF-8 bytes, without a string or a
        // culture-aware parse: a registry of 1,000 sessions holds thousands of them.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out var utc))
        {
            return utc.ToUniversalTime();
        }

        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        throw new JsonException($"'{text}' is not a date and time (expected e.g. 2026-11-21T19:52:03Z)");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToText(value));

    /// <summary>A time as every session file writes it.</summary>
    public static string ToText(DateTimeOffset value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Now, truncated to whole seconds, as every file stores it.</summary>
    public static DateTimeOffset Now(TimeProvider? clock = null) => WholeSecond((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary><paramref name="instant"/> in UTC, truncated to whole seconds, as every file stores it.</summary>
    public static DateTimeOffset WholeSecond(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
