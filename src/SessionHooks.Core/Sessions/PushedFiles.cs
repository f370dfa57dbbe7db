using SessionHooks.Diagnostics;
using SessionHooks.Formats;
using SessionHooks.Git;
using SessionHooks.Model;
using SessionHooks.Validation;

namespace SessionHooks.Sessions;

/// <summary>The committed session files as they stand in a pushed commit, with what is wrong with them.</summary>
internal sealed record PushedFiles(AiSessions? Sessions, Worklog? Worklog, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PushedFiles Read(GitRepository git, string commit)
    {
        var diagnostics = new List<Diagnostic>();
        var cache = ValidationCache.Open(git.CommonDir);
        IEnumerable<Diagnostic> Validate(SessionFileKind kind, string text)
        {
            var blob = git.BlobIdAtCommit(commit, kind.RepoPath());
            if (cache.IsValid(kind, blob))
            {
                return [];
            }

            var found = SchemaValidator.Shared.Validate(kind, text, kind.RepoPath());
            if (found.Count == 0)
            {
                cache.AddValid(kind, blob);
            }

            return found;
        }

        var sessionsText = git.ReadFileAtCommit(commit, SessionFileKind.AiSessions.RepoPath());
        var worklogText = git.ReadFileAtCommit(commit, SessionFileKind.Worklog.RepoPath());
        var configText = git.ReadFileAtCommit(commit, SessionFileKind.Config.RepoPath());

        AiSessions? sessions = null;
        Worklog? worklog = null;
        if (sessionsText is not null)
        {
            diagnostics.AddRange(Validate(SessionFileKind.AiSessions, sessionsText));
            sessions = SessionFileParser.ParseAiSessions(System.Text.Encoding.UTF8.GetBytes(sessionsText), SessionFileKind.AiSessions.RepoPath()).Value;
        }

        if (worklogText is not null)
        {
            diagnostics.AddRange(Validate(SessionFileKind.Worklog, worklogText));
            worklog = SessionFileParser.ParseWorklog(System.Text.Encoding.UTF8.GetBytes(worklogText), SessionFileKind.Worklog.RepoPath()).Value;
        }

        if (configText is not null)
        {
            diagnostics.AddRange(Validate(SessionFileKind.Config, configText));
        }

        if (!diagnostics.Any(d => d.Severity == Severity.Error))
        {
            diagnostics.AddRange(CrossFileRules.Check(new SessionFileSet(
                sessions is null ? null : new SessionDocument<AiSessions>(sessions, sessionsText!, SessionFileKind.AiSessions.RepoPath()),
                worklog is null ? null : new SessionDocument<Worklog>(worklog, worklogText!, SessionFileKind.Worklog.RepoPath()))));
        }

        return new PushedFiles(sessions, worklog, diagnostics);
    }
}
