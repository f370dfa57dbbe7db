using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Git;
using SessionHooks.Safety;

namespace SessionHooks.Tasks;

/// <summary>
/// The build's staleness check: <c>current_session.json</c> should name the branch checked out now.
/// Only a checked-out branch with no operation stopped half-way is judged; elsewhere the hooks decide.
/// </summary>
internal static class BranchStaleness
{
    public static IEnumerable<Diagnostic> Check(string worktreeRoot)
    {
        var owned = OwnedPath.InWorktree(worktreeRoot, SessionFileKind.CurrentSession.RepoPath());
        var path = owned.FullPath;
        if (owned.ReadAllBytes() is not { } bytes)
        {
            // Not started yet (hooks not run on this clone): nothing is out of step.
            return [];
        }

        var current = SessionFileParser.ParseCurrentSession(bytes, path).Value;
        if (current is null)
        {
            return [];
        }

        using var git = GitRepository.Open(worktreeRoot);
        var head = git.Head;
        if (head.IsDetached || head.Branch is null || git.Operation != InProgressOperation.None)
        {
            return [];
        }

        var named = current.Metadata.Environment.Branch;
        return named == head.Branch
            ? []
            : [DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path,
                $"current_session.json names branch '{named ?? "(detached)"}', but '{head.Branch}' is checked out")];
    }
}
