using SessionHooks.Workflows;
using SessionHooks.Hooks;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Rules;

/// <summary>current_session.json must follow the branch being pushed when that branch is checked out here.</summary>
internal static class CurrentSessionRules
{
    public static IEnumerable<Diagnostic> Check(SessionContext context, PushedFiles files, string branch)
    {
        var path = SessionFileKind.CurrentSession.RepoPath();
        var read = context.Store.ReadCurrentSession();
        if (read.HasErrors)
        {
            foreach (var diagnostic in read.Diagnostics)
            {
                yield return diagnostic;
            }

            yield break;
        }

        if (read.Value is not { } current)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, $"{path} is missing for branch '{branch}'");
            yield break;
        }

        var id = current.Metadata.SessionId;
        if (current.Metadata.Environment.Branch != branch)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path,
                $"{path} names branch '{current.Metadata.Environment.Branch ?? "(detached)"}', not '{branch}'");
            yield break;
        }

        var registered = files.Sessions?.Find(id);
        var open = SessionFactory.OpenSessionOf(files.Sessions, branch);
        if (registered is not null && registered.Branch != branch)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, $"session {id} belongs to branch '{registered.Branch}', not '{branch}'");
        }
        else if (registered is null && open is not null)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, $"{path} names session {id}, but '{branch}' has open session {open.Id}");
        }
    }
}
