namespace SessionHooks.Records;

/// <summary>The files SessionHooks owns, all in <c>.sessions/</c> at the worktree root.</summary>
// Public, unlike the rest of Core: NUnit test cases take it as a parameter, and they must be public.
public enum SessionFileKind
{
    AiSessions,
    Worklog,
    CurrentSession,
    Config,
}

internal static class SessionFiles
{
    /// <summary>The folder, relative to the worktree root.</summary>
    public const string Folder = ".sessions";

    public static string FileName(this SessionFileKind kind) => kind switch
    {
        SessionFileKind.AiSessions => "ai_sessions.json",
        SessionFileKind.Worklog => "worklog.json",
        SessionFileKind.CurrentSession => "current_session.json",
        SessionFileKind.Config => "config.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The file's path relative to the worktree root, with forward slashes as git writes it.</summary>
    public static string RepoPath(this SessionFileKind kind) => Folder + "/" + kind.FileName();

    /// <summary>The name of the file's JSON Schema in <c>schemas/</c>.</summary>
    public static string SchemaName(this SessionFileKind kind) => kind switch
    {
        SessionFileKind.AiSessions => "ai_sessions.schema.json",
        SessionFileKind.Worklog => "worklog.schema.json",
        SessionFileKind.CurrentSession => "current_session.schema.json",
        SessionFileKind.Config => "config.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The <c>$schema</c> value written into each file: the offline copy beside it.</summary>
    public static string SchemaReference(this SessionFileKind kind) => "schemas/" + kind.SchemaName();

    public static bool IsCommitted(this SessionFileKind kind) => kind != SessionFileKind.CurrentSession;

    public static SessionFileKind? FromFileName(string fileName) => Path.GetFileName(fileName) switch
    {
        "ai_sessions.json" => SessionFileKind.AiSessions,
        "worklog.json" => SessionFileKind.Worklog,
        "current_session.json" => SessionFileKind.CurrentSession,
        "config.json" => SessionFileKind.Config,
        _ => null,
    };
}
