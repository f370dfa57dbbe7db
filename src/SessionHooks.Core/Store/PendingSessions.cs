using System.Text.Json;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>
/// Sessions started on a checkout but not yet registered by a commit, kept per worktree inside
/// the git dir: switching away and back resumes them, and no tracked file is touched on checkout.
/// One file per branch, named by a hash so that any branch name is a safe file name; a memo
/// holds its branch, so two names with one hash never mix.
/// </summary>
internal sealed class PendingSessions(string gitDir)
{
    private readonly string folder = Path.Combine(gitDir, "sessionhooks", "pending");

    public CurrentSession? Take(string branch)
    {
        var path = PathFor(branch);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var session = SessionJson.ReadCurrentSession(File.ReadAllText(path));
            File.Delete(path);
            return session.Metadata.Environment.Branch == branch ? session : null;
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            // A damaged memo only costs the resumption of an unregistered session: start afresh.
            return null;
        }
    }

    public void Put(string branch, CurrentSession session)
    {
        Directory.CreateDirectory(folder);
        var path = PathFor(branch);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, SessionJson.Serialize(session));
        File.Move(temp, path, overwrite: true);
    }

    private string PathFor(string branch) =>
        Path.Combine(folder, Ids.Fnv1a.Hex(branch) + ".json");
}
