using System.Text;
using System.Text.Json;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>
/// Adds entries at the end of worklog.json without deserialising the entries before them, so a
/// commit costs the same with 100 entries as with 100,000. Only a file exactly as
/// <see cref="SessionJson"/> writes it qualifies: well-formed, in the current format, with a
/// non-empty <c>entries</c> array as its last property. Anything else returns null and is read
/// whole, with every check of <see cref="SessionFileParser"/>.
/// </summary>
internal static class WorklogTail
{
    // How SessionJson ends a worklog: the entries array closed at depth 1, then the object.
    private static readonly byte[] Closing = "\n  ]\n}\n"u8.ToArray();

    /// <summary>How many bytes at the end of an appendable file <see cref="Ending"/> replaces.</summary>
    public static int ClosingLength => Closing.Length;

    /// <returns>The new file content, or null when the file must be read whole.</returns>
    public static byte[]? TryAppend(ReadOnlySpan<byte> file, IReadOnlyList<WorklogEntry> entries)
    {
        if (file.Length > SessionFileParser.DefaultMaxBytes || !IsAppendable(file))
        {
            return null;
        }

        var ending = Ending(entries);
        var body = file[..^Closing.Length];
        var result = new byte[body.Length + ending.Length];
        body.CopyTo(result);
        ending.CopyTo(result.AsSpan(body.Length));
        return result;
    }

    /// <summary>
    /// What replaces the last <see cref="ClosingLength"/> bytes of an appendable file to add
    /// <paramref name="entries"/>: each entry as SessionJson writes it at depth 2, then the closing.
    /// </summary>
    public static byte[] Ending(IReadOnlyList<WorklogEntry> entries)
    {
        var added = new StringBuilder();
        foreach (var entry in entries)
        {
            // Entries sit at depth 2 (four spaces); a serialised entry never holds a raw line break.
            added.Append(",\n    ").Append(SessionJson.Serialize(entry).Replace("\n", "\n    ", StringComparison.Ordinal));
        }

        return [.. Encoding.UTF8.GetBytes(added.ToString()), .. Closing];
    }

    /// <summary>Whether the file ends as an appendable one does: the last entry's <c>}</c>, then the closing.</summary>
    public static bool EndsAppendable(ReadOnlySpan<byte> file) =>
        file.EndsWith(Closing) && file.Length > Closing.Length && file[^(Closing.Length + 1)] == (byte)'}';

    private static bool IsAppendable(ReadOnlySpan<byte> file)
    {
        if (!EndsAppendable(file))
        {
            return false;
        }

        try
        {
            return HasEntriesLast(file);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the tokens (no objects are built): current schema_version, entries last and closing where expected.</summary>
    private static bool HasEntriesLast(ReadOnlySpan<byte> file)
    {
        var reader = new Utf8JsonReader(file, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var version = false;
        var entriesLast = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!seen.Add(name) || !reader.Read())
            {
                return false;
            }

            entriesLast = false;
            switch (name)
            {
                case "schema_version":
                    version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) && v == FormatVersion.Current;
                    break;
                case "entries":
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return false;
                    }

                    reader.Skip();
                    entriesLast = reader.TokenStartIndex == file.Length - Closing.Length + 3;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return version && entriesLast && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
    }
}
