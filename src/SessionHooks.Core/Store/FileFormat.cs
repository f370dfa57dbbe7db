using SessionHooks.Records;

namespace SessionHooks.Store;

internal delegate LoadResult<T> Parse<T>(ReadOnlySpan<byte> bytes, string displayPath)
    where T : class;

/// <summary>How the store reads, writes and starts one kind of session file.</summary>
internal sealed class FileFormat<T>(SessionFileKind kind, Parse<T> parse, Func<T, string> serialize)
    where T : SessionFile, new()
{
    public SessionFileKind Kind { get; } = kind;

    public Parse<T> Parse { get; } = parse;

    public Func<T, string> Serialize { get; } = serialize;

    /// <summary>The content of a file that does not exist yet at <paramref name="repoPath"/>.</summary>
    public T Fresh(string repoPath) => new() { Schema = RecordPaths.SchemaReference(Kind, repoPath), SchemaVersion = FormatVersion.Current };
}

internal static class FileFormats
{
    public static readonly FileFormat<AiSessions> AiSessions =
        new(SessionFileKind.AiSessions, SessionFileParser.ParseAiSessions, SessionJson.Serialize);

    public static readonly FileFormat<Worklog> Worklog =
        new(SessionFileKind.Worklog, SessionFileParser.ParseWorklog, SessionJson.Serialize);

    public static readonly FileFormat<CurrentSession> CurrentSession =
        new(SessionFileKind.CurrentSession, SessionFileParser.ParseCurrentSession, SessionJson.Serialize);

    public static readonly FileFormat<SessionConfig> Config =
        new(SessionFileKind.Config, SessionFileParser.ParseConfig, SessionJson.Serialize);
}
