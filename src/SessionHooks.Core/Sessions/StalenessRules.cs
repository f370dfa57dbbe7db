using SessionHooks.Diagnostics;
using SessionHooks.Formats;
using SessionHooks.Git;
using SessionHooks.Model;

namespace SessionHooks.Sessions;

/// <summary>Rules that compare a branch's session with the commits being pushed.</summary>
internal static class StalenessRules
{
    public static IEnumerable<Diagnostic> Check(SessionConfig config, PushedFiles files, string branch, IReadOnlyList<CommitInfo> commits)
    {
        if (commits.Count == 0 || files.Sessions is null)
        {
            yield break;
        }

        var latest = files.Sessions.Sessions.Where(s => s.Branch == branch).MaxBy(s => s.LastUpdated);
        if (latest is null)
        {
            yield break;
        }

        var newest = commits.Max(c => c.CommitTime);
        var path = SessionFileKind.AiSessions.RepoPath();
        if (!latest.IsOpen && commits.Any(c => c.CommitTime > latest.LastUpdated))
        {
            yield return DiagnosticCatalog.ClosedSessionPushed.ForFile(path,
                $"session {latest.Id} of '{branch}' is {latest.Status.ToString().ToLowerInvariant()}, yet new commits are pushed");
        }
        // Compared in hours, as doubles: TimeSpan.FromHours(1e308) overflows.
        else if (latest.IsOpen && (newest - latest.LastUpdated).TotalHours > config.StaleAfterHours)
        {
            yield return DiagnosticCatalog.SessionOutdated.ForFile(path,
                $"session {latest.Id} of '{branch}' was last updated {latest.LastUpdated:u}, {(newest - latest.LastUpdated).TotalHours:0} h before the newest pushed commit");
        }
    }
}
