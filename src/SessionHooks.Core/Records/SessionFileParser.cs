using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// Turns a session file's bytes into its typed model, or into diagnostics that say where and
/// why it cannot be read. Files in an older format are migrated; never throws for bad input.
/// </summary>
internal static class SessionFileParser
{
    /// <summary>The largest session file read, unless the caller says otherwise: 256 MB.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    public static LoadResult<AiSessions> ParseAiSessions(ReadOnlySpan<byte> bytes, string displayPath) =>
        ParseAiSessions(bytes, displayPath, DefaultMaxBytes);

    public static LoadResult<AiSessions> ParseAiSessions(ReadOnlySpan<byte> bytes, string displayPath, long maxBytes) =>
        Parse<AiSessions>(SessionFileKind.AiSessions, bytes, displayPath, maxBytes);

    public static LoadResult<Worklog> ParseWorklog(ReadOnlySpan<byte> bytes, string displayPath) =>
        ParseWorklog(bytes, displayPath, DefaultMaxBytes);

    public static LoadResult<Worklog> ParseWorklog(ReadOnlySpan<byte> bytes, string displayPath, long maxBytes) =>
        Parse<Worklog>(SessionFileKind.Worklog, bytes, displayPath, maxBytes);

    public static LoadResult<CurrentSession> ParseCurrentSession(ReadOnlySpan<byte> bytes, string displayPath) =>
        ParseCurrentSession(bytes, displayPath, DefaultMaxBytes);

    public static LoadResult<CurrentSession> ParseCurrentSession(ReadOnlySpan<byte> bytes, string displayPath, long maxBytes) =>
        Parse<CurrentSession>(SessionFileKind.CurrentSession, bytes, displayPath, maxBytes);

    public static LoadResult<SessionConfig> ParseConfig(ReadOnlySpan<byte> bytes, string displayPath) =>
        ParseConfig(bytes, displayPath, DefaultMaxBytes);

    public static LoadResult<SessionConfig> ParseConfig(ReadOnlySpan<byte> bytes, string displayPath, long maxBytes) =>
        Parse<SessionConfig>(SessionFileKind.Config, bytes, displayPath, maxBytes);

    private static LoadResult<T> Parse<T>(SessionFileKind kind, ReadOnlySpan<byte> bytes, string displayPath, long maxBytes)
        where T : class
    {
        if (ReadSound<T>(bytes, maxBytes) is { } sound)
        {
            return new LoadResult<T>(sound, []);
        }

        var check = SessionFileChecks.Run(kind, bytes, displayPath, maxBytes);
        if (!check.Readable)
        {
            return new LoadResult<T>(null, check.Diagnostics);
        }

        var json = bytes[check.Skip..];
        var type = (JsonTypeInfo<T>)SessionJson.Options.GetTypeInfo(typeof(T));
        try
        {
            var value = check.Migrated is { } migrated ? migrated.Deserialize(type) : JsonSerializer.Deserialize(json, type);
            if (value is not null && NullMember(value) is { } member)
            {
                // The typed read takes null for an object or a list the model can't do without.
                var spot = JsonLocator.Locate(json, [JsonLocator.Property(JsonPathStyle.SystemTextJson, "$", member.Name)], JsonPathStyle.SystemTextJson);
                var (line, column) = spot.TryGetValue("$." + member.Name, out var at) ? LineIndex.Build(json).At(json, at.Offset) : (1, 1);
                check.Diagnostics.Add(DiagnosticCatalog.WrongType.At(displayPath, line, column, $"'{member.Name}' must be {member.Expected}, not null"));
                return new LoadResult<T>(null, check.Diagnostics);
            }

            if (value is not null)
            {
                if (value is SessionFile file)
                {
                    // Read in an older version: it is written back in the current one.
                    file.SchemaVersion = FormatVersion.Current;
                }

                return new LoadResult<T>(value, check.Diagnostics);
            }

            check.Diagnostics.Add(DiagnosticCatalog.WrongType.At(displayPath, 1, 1, "the file holds null where a JSON object is expected"));
        }
        catch (JsonException exception)
        {
            check.Diagnostics.Add(TypedReadFailure.Describe(exception, json, check, displayPath));
        }

        return new LoadResult<T>(null, check.Diagnostics);
    }

    /// <summary>
    /// <c>ai_sessions.json</c> with only the sessions <paramref name="wanted"/> picks by id and
    /// branch, for a hook that needs a branch's session and not the thousand others: those are
    /// passed over token by token and never built. Everything else in the file is read as usual.
    /// Null when the file is not one <see cref="ReadSound{T}"/> would read (the caller then reads
    /// it whole, problems and all).
    /// </summary>
    public static AiSessions? ReadSessionsOf(ReadOnlySpan<byte> bytes, Func<string?, string?, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (!LooksSound(bytes, DefaultMaxBytes))
        {
            return null;
        }

        // The file again with the sessions not wanted left out, byte ranges of the original copied as they are.
        var kept = new List<byte>(4096) { (byte)'{' };
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = JsonSyntaxScan.MaxDepth });
            reader.Read();
            var members = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                var isSessions = reader.ValueTextEquals("sessions"u8);
                reader.Read();
                Separate(kept, ref members);
                if (isSessions && reader.TokenType == JsonTokenType.StartArray)
                {
                    kept.AddRange(bytes[start..(int)reader.BytesConsumed]);
                    var sessions = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var element = (int)reader.TokenStartIndex;
                        var (id, branch) = reader.TokenType == JsonTokenType.StartObject ? IdAndBranch(ref reader) : (null, null);
                        reader.Skip();
                        if (wanted(id, branch))
                        {
                            Separate(kept, ref sessions);
                            kept.AddRange(bytes[element..(int)reader.BytesConsumed]);
                        }
                    }

                    kept.Add((byte)']');
                }
                else
                {
                    reader.Skip();
                    kept.AddRange(bytes[start..(int)reader.BytesConsumed]);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        kept.Add((byte)'}');
        return ReadSound<AiSessions>([.. kept], DefaultMaxBytes);
    }

    private static void Separate(List<byte> json, ref int count)
    {
        if (count++ > 0)
        {
            json.Add((byte)',');
        }
    }

    /// <summary>A session object's <c>id</c> and <c>branch</c>; the reader is left at the object's end.</summary>
    private static (string? Id, string? Branch) IdAndBranch(ref Utf8JsonReader reader)
    {
        string? id = null;
        string? branch = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var name = reader.ValueTextEquals("id"u8) ? 1 : reader.ValueTextEquals("branch"u8) ? 2 : 0;
            reader.Read();
            if (name == 1 && reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString();
            }
            else if (name == 2 && reader.TokenType == JsonTokenType.String)
            {
                branch = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return (id, branch);
    }

    /// <summary>
    /// The typed read of a file with nothing to say about it: within the size limit, no byte order
    /// mark, valid UTF-8, the current <c>schema_version</c>, and a typed read that succeeds with
    /// every member it needs. That is every file SessionHooks writes, and reading it so skips the
    /// checks made for locating problems (a syntax scan and a line index of the whole file): a
    /// third of what reading a 464 KB <c>ai_sessions.json</c> of 1,000 sessions costs. Anything
    /// else gives null and goes through <see cref="SessionFileChecks"/>, which say what is wrong.
    /// </summary>
    private static T? ReadSound<T>(ReadOnlySpan<byte> bytes, long maxBytes)
        where T : class
    {
        if (!LooksSound(bytes, maxBytes))
        {
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, (JsonTypeInfo<T>)SessionJson.Options.GetTypeInfo(typeof(T)));
            return value is not null && NullMember(value) is null ? value : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A lone surrogate escape, too deep a nesting, a wrong type: the checks locate it.
            return null;
        }
    }

    /// <summary>What the checks would pass before the typed read: the size, no byte order mark, valid UTF-8, the current <c>schema_version</c>.</summary>
    internal static bool LooksSound(ReadOnlySpan<byte> bytes, long maxBytes) =>
        bytes.Length <= maxBytes && !bytes.StartsWith(Encoding.UTF8.Preamble) && Utf8.IsValid(bytes) && DeclaredVersion(bytes) == FormatVersion.Current;

    /// <summary>
    /// The root object's <c>schema_version</c> when it is a whole number; the values before it are
    /// skipped, and SessionHooks writes it second, after <c>$schema</c>. Null when there is none (a
    /// format 1 file is migrated by the checks) or the JSON breaks before it.
    /// </summary>
    private static int? DeclaredVersion(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonSyntaxScan.MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = !reader.ValueIsEscaped && reader.ValueTextEquals("schema_version"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Broken before schema_version: the checks say where.
        }

        return null;
    }

    /// <summary>A top-level member that holds null where every reader needs an object or a list.</summary>
    private static (string Name, string Expected)? NullMember(object value) => value switch
    {
        AiSessions { Sessions: null } => ("sessions", "an array"),
        AiSessions { KnowledgeCache: null } => ("knowledge_cache", "an array"),
        AiSessions { ContextNotes: null } => ("context_notes", "an array"),
        CurrentSession { Metadata: null } => ("metadata", "an object"),
        CurrentSession { Context: null } => ("context", "an object"),
        _ => null,
    };
}
