namespace SessionHooks.Records;

/// <summary>
/// Where each record lives in a worktree (docs/records.md), relative to its root, with forward
/// slashes as git writes paths. Names that come from files (session ids, chunk names) are checked
/// before they become part of a path.
/// </summary>
internal static class RecordPaths
{
    public const string Folder = ".sessions";

    public const string Registry = Folder + "/ai_sessions.json";

    public const string Config = Folder + "/config.json";

    public const string CurrentSession = Folder + "/current_session.json";

    /// <summary>Format 1's single worklog; the next commit moves its entries into <see cref="WorklogFolder"/>.</summary>
    public const string LegacyWorklog = Folder + "/worklog.json";

    /// <summary>One folder per session, each holding worklog files written once by one commit.</summary>
    public const string WorklogFolder = Folder + "/worklog";

    public const string SchemasFolder = Folder + "/schemas";

    /// <summary>
    /// Where <c>session archive</c> moves ended sessions: their records to <see cref="ArchiveRegistry"/>
    /// (the shape of <c>ai_sessions.json</c>), and each one's worklog folder, unchanged, to
    /// <c>archive/&lt;session-id&gt;/</c>, at the same depth, so every file's <c>$schema</c> still resolves.
    /// </summary>
    public const string ArchiveFolder = Folder + "/archive";

    public const string ArchiveRegistry = ArchiveFolder + "/ai_sessions.json";

    /// <summary>The folder of an archived session's worklog files.</summary>
    public static string ArchivedWorklog(string sessionId) =>
        IsSafeName(sessionId) ? ArchiveFolder + "/" + sessionId : throw new ArgumentException($"'{sessionId}' cannot name a folder", nameof(sessionId));

    private const int MaxNameLength = 64;

    /// <summary>The folder of a session's worklog files.</summary>
    public static string SessionWorklog(string sessionId) =>
        IsSafeName(sessionId) ? WorklogFolder + "/" + sessionId : throw new ArgumentException($"'{sessionId}' cannot name a folder", nameof(sessionId));

    /// <summary>A session's worklog file; <paramref name="chunkId"/> is an entry-style id such as <c>20261121T195203Z-7k2m9qx4</c>.</summary>
    public static string Chunk(string sessionId, string chunkId) =>
        IsSafeName(chunkId) ? SessionWorklog(sessionId) + "/" + chunkId + ".json" : throw new ArgumentException($"'{chunkId}' cannot name a file", nameof(chunkId));

    /// <summary>The session of a worklog file's path (a live or an archived session's), when the path is one.</summary>
    public static bool TryParseChunk(string repoPath, out string sessionId)
    {
        sessionId = "";
        var parts = repoPath.Split('/');
        if (parts.Length != 4 || parts[0] != Folder || parts[1] is not ("worklog" or "archive") || !IsSafeName(parts[2])
            || !parts[3].EndsWith(".json", StringComparison.Ordinal) || !IsSafeName(parts[3][..^5]))
        {
            return false;
        }

        sessionId = parts[2];
        return true;
    }

    /// <summary>Which kind of record a path holds, or null for a path that is not one of ours.</summary>
    public static SessionFileKind? KindOf(string repoPath) => repoPath switch
    {
        Registry => SessionFileKind.AiSessions,
        ArchiveRegistry => SessionFileKind.AiSessions,
        Config => SessionFileKind.Config,
        CurrentSession => SessionFileKind.CurrentSession,
        LegacyWorklog => SessionFileKind.Worklog,
        _ when TryParseChunk(repoPath, out _) => SessionFileKind.Worklog,
        _ => null,
    };

    /// <summary>The <c>$schema</c> a file at <paramref name="repoPath"/> carries: the offline copy in <see cref="SchemasFolder"/>, relative to it.</summary>
    public static string SchemaReference(SessionFileKind kind, string repoPath)
    {
        var depth = repoPath.Count(c => c == '/') - 1;
        return string.Concat(Enumerable.Repeat("../", Math.Max(0, depth))) + "schemas/" + kind.SchemaName();
    }

    /// <summary>Letters, digits, '-' and '_' only: a name that can't climb out of its folder or hide a second meaning.</summary>
    public static bool IsSafeName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
