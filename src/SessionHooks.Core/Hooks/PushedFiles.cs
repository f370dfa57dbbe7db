using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Git;
using SessionHooks.Validation;

namespace SessionHooks.Hooks;

/// <summary>
/// The committed session files as they stand in a pushed commit, with what is wrong with them.
/// <see cref="Sessions"/> is given only when it passes its schema, so the session rules judge
/// nothing from a broken file; <see cref="Worklog"/> whenever it could be read, so commits are
/// still found unlogged when config.json lowers the schema rule to a warning.
/// </summary>
internal sealed record PushedFiles(AiSessions? Sessions, Worklog? Worklog, bool WorklogIsBroken, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PushedFiles Read(GitRepository git, string commit)
    {
        var sessionsFile = Committed(git, commit, SessionFileKind.AiSessions);
        var worklogFile = Committed(git, commit, SessionFileKind.Worklog);
        var configFile = Committed(git, commit, SessionFileKind.Config);

        // The schema check and the typed read are each a first use of a JSON library, about 20 and
        // 12 ms of loading: on two cores they overlap. The check runs apart from git's object
        // reader, which serves one thread at a time.
        var checking = Task.Run(() => Validate(git.CommonDir, [sessionsFile, worklogFile, configFile]));
        var sessions = sessionsFile.Text is { } sessionsText
            ? SessionFileParser.ParseAiSessions(System.Text.Encoding.UTF8.GetBytes(sessionsText), SessionFileKind.AiSessions.RepoPath()).Value
            : null;
        var worklog = worklogFile.Text is { } worklogText
            ? SessionFileParser.ParseWorklog(System.Text.Encoding.UTF8.GetBytes(worklogText), SessionFileKind.Worklog.RepoPath()).Value
            : null;
        var diagnostics = checking.GetAwaiter().GetResult();
        bool Broken(SessionFileKind kind) => diagnostics.Exists(d => d.Severity == Severity.Error && d.File == kind.RepoPath());
        sessions = Broken(SessionFileKind.AiSessions) ? null : sessions;
        var worklogIsBroken = worklogFile.Text is not null && worklog is null;

        if (!diagnostics.Any(d => d.Severity == Severity.Error))
        {
            diagnostics.AddRange(CrossFileRules.Check(new SessionFileSet(
                sessions is null ? null : new SessionDocument<AiSessions>(sessions, sessionsFile.Text!, SessionFileKind.AiSessions.RepoPath()),
                worklog is null ? null : new SessionDocument<Worklog>(worklog, worklogFile.Text!, SessionFileKind.Worklog.RepoPath()))));
        }

        return new PushedFiles(sessions, worklog, worklogIsBroken, diagnostics);
    }

    private static CommittedFile Committed(GitRepository git, string commit, SessionFileKind kind) =>
        git.ReadBlobAtCommit(commit, kind.RepoPath()) is { } blob ? new(kind, blob.Id, blob.Text) : new(kind, null, null);

    /// <summary>Schema problems of the files there are; a blob found valid before is not checked again.</summary>
    private static List<Diagnostic> Validate(string commonGitDir, IReadOnlyList<CommittedFile> files)
    {
        var diagnostics = new List<Diagnostic>();
        var cache = ValidationCache.Open(commonGitDir);
        foreach (var file in files)
        {
            if (file.Text is null || cache.IsValid(file.Kind, file.BlobId))
            {
                continue;
            }

            var found = SchemaValidator.Shared.Validate(file.Kind, file.Text, file.Kind.RepoPath());
            if (found.Count == 0)
            {
                cache.AddValid(file.Kind, file.BlobId);
            }

            diagnostics.AddRange(found);
        }

        return diagnostics;
    }

    private sealed record CommittedFile(SessionFileKind Kind, string? BlobId, string? Text);
}
