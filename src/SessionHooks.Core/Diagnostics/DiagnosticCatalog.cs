namespace SessionHooks.Diagnostics;

/// <summary>
/// Every diagnostic SessionHooks reports, with its stable code. Codes never change meaning;
/// retired codes are not reused. SH1xxx: reading a file; SH2xxx: schema; SH3xxx: rules across
/// files; SH4xxx: staleness against git; SH5xxx: environment; SH9xxx: internal.
/// </summary>
internal static class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FileUnreadable = new("SH1001", Severity.Error,
        "The file cannot be read", "check the file's permissions, then run 'session validate'");

    public static readonly DiagnosticDescriptor InvalidJson = new("SH1002", Severity.Error,
        "The file is not valid JSON", "correct the JSON at this position, or run 'session recover' to rebuild the file");

    public static readonly DiagnosticDescriptor ConflictMarkers = new("SH1003", Severity.Error,
        "The file holds merge conflict markers", "run 'session recover' to merge both sides, keeping every entry");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new("SH1004", Severity.Error,
        "The file is not valid UTF-8", "save the file as UTF-8, or run 'session recover' to rebuild it");

    public static readonly DiagnosticDescriptor ByteOrderMark = new("SH1005", Severity.Warning,
        "The file starts with a byte order mark", "save the file as UTF-8 without BOM; SessionHooks drops it on its next write");

    public static readonly DiagnosticDescriptor FileTooLarge = new("SH1006", Severity.Error,
        "The file is larger than SessionHooks reads", "remove what does not belong in the file, or run 'session recover'");

    public static readonly DiagnosticDescriptor NestingTooDeep = new("SH1007", Severity.Error,
        "The file nests objects or arrays too deeply", "remove the deeply nested value, or run 'session recover'");

    public static readonly DiagnosticDescriptor EmptyFile = new("SH1008", Severity.Error,
        "The file is empty", "delete the file to start afresh, or run 'session recover' to rebuild it");

    public static readonly DiagnosticDescriptor UnknownSchemaVersion = new("SH1010", Severity.Error,
        "The file's schema_version is newer than this SessionHooks knows", "upgrade SessionHooks (dotnet tool update sessionhooks.cli)");

    public static readonly DiagnosticDescriptor InvalidSchemaVersion = new("SH1011", Severity.Error,
        "The file's schema_version is missing or not a format version", "set \"schema_version\": 2");

    public static readonly DiagnosticDescriptor OlderFormatVersion = new("SH1012", Severity.Warning,
        "The file is in an earlier format, which SessionHooks reads and writes back in the current one", "nothing to do; docs/records.md says what changed");

    public static readonly DiagnosticDescriptor RequiredPropertyMissing = new("SH2001", Severity.Error,
        "A required property is missing", "add the property; 'session validate' lists every problem");

    public static readonly DiagnosticDescriptor WrongType = new("SH2002", Severity.Error,
        "A value has the wrong type", "give the value the type the schema asks for");

    public static readonly DiagnosticDescriptor ValueNotAllowed = new("SH2003", Severity.Error,
        "A value is not one of those allowed", "use one of the values the schema lists");

    public static readonly DiagnosticDescriptor ValueFormat = new("SH2004", Severity.Error,
        "A value does not have the required format", "write the value in the format the schema asks for");

    public static readonly DiagnosticDescriptor PropertyNotAllowed = new("SH2005", Severity.Error,
        "A property is not allowed here", "remove the property or correct its name");

    public static readonly DiagnosticDescriptor SecretPatternUnusable = new("SH2006", Severity.Error,
        "A secret pattern cannot be run in linear time", "rewrite it without backreferences, lookarounds, atomic groups or conditionals (.NET's RegexOptions.NonBacktracking runs the rest), or remove it");

    public static readonly DiagnosticDescriptor SchemaViolation = new("SH2099", Severity.Error,
        "A value breaks the file's schema", "correct the value; 'session validate' lists every problem");

    public static readonly DiagnosticDescriptor DuplicateSessionId = new("SH3001", Severity.Error,
        "Two sessions share an id", "run 'session recover' to merge them");

    public static readonly DiagnosticDescriptor DuplicateEntryId = new("SH3002", Severity.Error,
        "Two worklog entries share an id", "run 'session recover' to merge them");

    public static readonly DiagnosticDescriptor UnknownSession = new("SH3003", Severity.Error,
        "A worklog entry names a session that ai_sessions.json does not have", "run 'session recover' to register the session");

    public static readonly DiagnosticDescriptor CurrentSessionMissing = new("SH3004", Severity.Error,
        "current_session.json names a session that ai_sessions.json does not have", "run 'session recover'");

    public static readonly DiagnosticDescriptor CommitSessionUnknown = new("SH3005", Severity.Error,
        "A commit's Session-Id trailer names a session that ai_sessions.json does not have", "run 'session recover' to record the session, then push again");

    public static readonly DiagnosticDescriptor EntryInOtherSessionFolder = new("SH3006", Severity.Error,
        "A worklog entry is filed under another session's folder", "move the entry to the worklog folder of the session it names, or correct its session");

    public static readonly DiagnosticDescriptor SessionLiveAndArchived = new("SH3007", Severity.Warning,
        "A session is listed both in ai_sessions.json and in the archive (a merge brought back a copy changed on another branch)",
        "run 'session archive' to fold the two copies into one");

    public static readonly DiagnosticDescriptor CurrentSessionOutOfStep = new("SH4001", Severity.Error,
        "current_session.json is out of step with the branch", "run 'session recover'");

    public static readonly DiagnosticDescriptor UnloggedCommit = new("SH4002", Severity.Error,
        "A commit has no worklog entry", "run 'session recover' to record it, then push again");

    public static readonly DiagnosticDescriptor ClosedSessionPushed = new("SH4003", Severity.Error,
        "New commits are pushed for a session that is closed", "run 'session start' (or 'session recover') to open a session for the branch");

    public static readonly DiagnosticDescriptor SessionOutdated = new("SH4004", Severity.Warning,
        "The session's last_updated is far older than the pushed commits", "run 'session recover', or log what you did with 'session log'");

    public static readonly DiagnosticDescriptor UncommittedSessionChanges = new("SH4005", Severity.Error,
        "Session records are not in the pushed commits", "run 'session recover' to record them in a commit (or commit your work), then push again");

    public static readonly DiagnosticDescriptor NotARepository = new("SH5001", Severity.Error,
        "Not inside a git repository", "run the command inside a git repository");

    public static readonly DiagnosticDescriptor GitUnsupported = new("SH5002", Severity.Error,
        "The repository cannot be read by SessionHooks' git library", "see README.md, 'Prerequisites'");

    public static readonly DiagnosticDescriptor LockTimeout = new("SH5003", Severity.Error,
        "Another SessionHooks process holds the session files' lock", "wait for the other process, then try again");

    public static readonly DiagnosticDescriptor FileNotWritable = new("SH5004", Severity.Error,
        "A session file cannot be written", "check the permissions of .sessions/ and the free disk space, then try again");

    public static readonly DiagnosticDescriptor RevisionNotFound = new("SH5005", Severity.Error,
        "A commit git named is not in the repository", "fetch the missing commits (git fetch), then try again");

    public static readonly DiagnosticDescriptor AuthorUnknown = new("SH5006", Severity.Error,
        "git does not know who the author is", "set it with git config user.name \"Your Name\" and git config user.email you@example.com");

    public static readonly DiagnosticDescriptor OwnedPathIsLink = new("SH5007", Severity.Error,
        "A file SessionHooks owns is a symbolic link, or lies in a linked folder", "replace the link with a real file or folder, then run the command again");

    public static readonly DiagnosticDescriptor OwnedPathOutside = new("SH5008", Severity.Error,
        "A path SessionHooks would write leads out of the worktree and its git dir", "name a path inside the worktree");

    public static readonly DiagnosticDescriptor HooksPathOutside = new("SH5009", Severity.Error,
        "core.hooksPath names a folder outside this repository", "run 'git config --local core.hooksPath .husky' to have git run this repository's hooks from .husky/, then 'session install' again");

    public static readonly DiagnosticDescriptor SecretCheckTooSlow = new("SH5010", Severity.Error,
        "Checking the text for secrets took longer than allowed", "shorten the text, or the secret_patterns in .sessions/config.json");

    public static readonly DiagnosticDescriptor InvalidArgument = new("SH6001", Severity.Error,
        "A command argument cannot be used", "see the command's --help");

    public static readonly DiagnosticDescriptor PathOutsideRepository = new("SH6002", Severity.Error,
        "A path leaves the repository", "name a file inside the repository, relative to its root, with no '..' and no symbolic link out of it");

    public static readonly DiagnosticDescriptor SessionNotFound = new("SH6003", Severity.Error,
        "No such session", "run 'session list' to see the sessions");

    public static readonly DiagnosticDescriptor InternalError = new("SH9001", Severity.Error,
        "SessionHooks failed unexpectedly", "run again with SESSIONHOOKS_LOG=debug and look at the log under .git/sessionhooks/");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        FileUnreadable, InvalidJson, ConflictMarkers, InvalidUtf8, ByteOrderMark, FileTooLarge, NestingTooDeep,
        EmptyFile, UnknownSchemaVersion, InvalidSchemaVersion, OlderFormatVersion,
        RequiredPropertyMissing, WrongType, ValueNotAllowed, ValueFormat, PropertyNotAllowed, SecretPatternUnusable, SchemaViolation,
        DuplicateSessionId, DuplicateEntryId, UnknownSession, CurrentSessionMissing, CommitSessionUnknown, EntryInOtherSessionFolder, SessionLiveAndArchived,
        CurrentSessionOutOfStep, UnloggedCommit, ClosedSessionPushed, SessionOutdated, UncommittedSessionChanges,
        NotARepository, GitUnsupported, LockTimeout, FileNotWritable, RevisionNotFound, AuthorUnknown,
        OwnedPathIsLink, OwnedPathOutside, HooksPathOutside, SecretCheckTooSlow,
        InvalidArgument, PathOutsideRepository, SessionNotFound, InternalError,
    ];
}
