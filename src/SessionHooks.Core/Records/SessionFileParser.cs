using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
