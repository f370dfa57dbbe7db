using System.Text.Json;

namespace SessionHooks.Records;

/// <summary>
/// One forward pass over a file's JSON that finds the first syntax error, nesting deeper than
/// <see cref="MaxDepth"/>, and the top-level <c>schema_version</c>, without building a document.
/// </summary>
internal sealed class JsonSyntaxScan
{
    /// <summary>The deepest nesting read; the same as System.Text.Json's default, so whatever passes here deserializes.</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] VersionName = "schema_version"u8.ToArray();

    public JsonTokenType RootToken { get; private set; } = JsonTokenType.None;

    public long RootOffset { get; private set; }

    /// <summary>The <c>schema_version</c> value's token, or None when the root object has none.</summary>
    public JsonTokenType VersionToken { get; private set; } = JsonTokenType.None;

    public long VersionOffset { get; private set; }

    /// <summary>The version when it is a whole number (1, 1.0, 1e0) that fits an int.</summary>
    public int? Version { get; private set; }

    public string? VersionText { get; private set; }

    /// <summary>Set when the JSON is broken: what, and where (byte offset).</summary>
    public (string Message, long Offset, bool AtEnd)? SyntaxError { get; private set; }

    public long? TooDeepOffset { get; private set; }

    public bool IsReadable => SyntaxError is null && TooDeepOffset is null;

    public static JsonSyntaxScan Run(ReadOnlySpan<byte> utf8, Func<LineIndex> lines)
    {
        var scan = new JsonSyntaxScan();
        // The reader's own limit is set above ours so that ours, with its position, is the one that trips.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth * 2 });
        try
        {
            scan.Read(ref reader);
        }
        catch (JsonException exception)
        {
            var offset = lines().OffsetOf(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
            var atEnd = utf8[(int)Math.Min(offset, utf8.Length)..].Trim(" \t\r\n"u8).IsEmpty;
            scan.SyntaxError = (Describe(exception.Message), offset, atEnd);
        }

        return scan;
    }

    private void Read(ref Utf8JsonReader reader)
    {
        var versionNext = false;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
            {
                TooDeepOffset = reader.TokenStartIndex;
                return;
            }

            if (token is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Decodes(ref reader))
            {
                // The reader accepts a lone \uD800 escape but refuses to decode it later, past every located check.
                SyntaxError = ("a string escapes half of a UTF-16 surrogate pair (\\uD800-\\uDFFF without its partner)", reader.TokenStartIndex, false);
                return;
            }

            if (RootToken == JsonTokenType.None)
            {
                RootToken = token;
                RootOffset = reader.TokenStartIndex;
            }

            if (versionNext)
            {
                versionNext = false;
                RecordVersion(ref reader);
            }
            else if (token == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(VersionName))
            {
                versionNext = true;
            }
        }
    }

    private void RecordVersion(ref Utf8JsonReader reader)
    {
        VersionToken = reader.TokenType;
        VersionOffset = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.Number)
        {
            VersionText = Shorten(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            Version = WholeNumber(ref reader);
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            VersionText = "\"" + Shorten(reader.GetString()!) + "\"";
        }
        else if (reader.TokenType is JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
        {
            VersionText = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>The number when it has no fractional part and fits an int: JSON Schema counts 1.0 and 1e0 as the integer 1.</summary>
    private static int? WholeNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var version))
        {
            return version;
        }

        return reader.TryGetDecimal(out var value) && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;
    }

    private static bool Decodes(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Keeps a diagnostic on one readable line however long the value is.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>The reader's message without its position suffix, which the diagnostic states itself.</summary>
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return text.Length == 0 ? "invalid JSON" : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
