using System.Security.Cryptography;
using System.Text.Json;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>
/// <c>ai_sessions.json</c> checked session by session: a push that started or ended one session of
/// a thousand checks that session and the file around the sessions, not 464 KB. Each part that
/// passes is remembered by its bytes in the <see cref="ValidationCache"/>. The only verdict given
/// here is "nothing to report"; a part with anything to say sends the whole file to
/// <see cref="SchemaValidator"/>, whose diagnostics carry the file's lines, columns and paths.
/// </summary>
/// <remarks>
/// The parts say what the whole would because the file is one SessionHooks reads without a word
/// (<see cref="SessionFileParser.LooksSound"/>, JSON within the nesting limit), and because the
/// schema asks nothing of the sessions array but what each item must be
/// (<see cref="SchemaValidator.ItemSchema"/> makes sure, or this is not used): the skeleton (the
/// file with <c>"sessions": []</c>) is checked as the file, each session against the item
/// schema. Misspelt properties and names given twice are found within their part.
/// </remarks>
internal static class RegistryByParts
{
    private const string ArrayName = "sessions";
    private const string SkeletonPart = "ai_sessions.json";
    private const string SessionPart = "ai_sessions.json/sessions[]";

    public static bool NothingToReport(byte[] bytes, ValidationCache cache, string displayPath)
    {
        const SessionFileKind kind = SessionFileKind.AiSessions;
        var validator = SchemaValidator.Shared;
        if (validator.ItemSchema(kind, ArrayName) is not { } itemSchema)
        {
            return false;
        }

        // The whole file's syntax is checked by the one pass that takes it apart: a file with anything
        // to say about its encoding, syntax, nesting or version goes to the whole file's checks.
        if (!SessionFileParser.LooksSound(bytes, SessionFileParser.DefaultMaxBytes) || Split(bytes) is not { } parts || parts.Items.Count > ValidationCache.MaxParts)
        {
            return false;
        }

        var digest = new byte[SHA256.HashSizeInBytes];
        string Key(string part, ReadOnlySpan<byte> content)
        {
            SHA256.HashData(content, digest);
            return ValidationCache.PartKey(part, digest);
        }

        var inUse = new List<string>(parts.Items.Count + 1) { Key(SkeletonPart, parts.Skeleton) };
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        if (!cache.Contains(inUse[0]))
        {
            if (validator.Check(kind, parts.Skeleton, displayPath, SessionFileParser.DefaultMaxBytes).Count > 0)
            {
                return false;
            }

            fresh.Add(inUse[0]);
        }

        foreach (var range in parts.Items)
        {
            var item = bytes.AsSpan(range);
            var key = Key(SessionPart, item);
            inUse.Add(key);
            if (!cache.Contains(key) && !fresh.Contains(key))
            {
                if (!SchemaValidator.PassesAsItem(itemSchema, item))
                {
                    return false;
                }

                fresh.Add(key);
            }
        }

        cache.Remember(fresh, inUse);
        return true;
    }

    /// <summary>
    /// The file with its sessions array emptied, and where each session lies in the file. Null
    /// unless the root object has exactly one <c>sessions</c>, and it is an array.
    /// </summary>
    internal static (byte[] Skeleton, List<Range> Items)? Split(ReadOnlySpan<byte> json)
    {
        // The file checks' depth limit: deeper nesting stops the reader, and the whole file's checks say where.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonSyntaxScan.MaxDepth });
        var items = new List<Range>();
        (int Open, int Close)? array = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isArray = reader.ValueTextEquals(ArrayName);
                reader.Read();
                if (!isArray)
                {
                    reader.Skip();
                    continue;
                }

                if (array is not null || reader.TokenType != JsonTokenType.StartArray)
                {
                    return null;
                }

                var open = (int)reader.TokenStartIndex;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    items.Add(start..(int)reader.BytesConsumed);
                }

                array = (open, (int)reader.TokenStartIndex);
            }

            if (reader.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (array is not { } found)
        {
            return null;
        }

        return ([.. json[..(found.Open + 1)], .. json[found.Close..]], items);
    }
}
