using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Safety;

namespace SessionHooks.Install;

/// <summary>
/// What install or uninstall will change, worked out in full before anything is written: a dry
/// run reports it, and bad input found while planning leaves the repository untouched. Every file
/// is read and written as an <see cref="OwnedPath"/>, so a link where a file of ours belongs is
/// refused while planning, before anything is written.
/// </summary>
internal sealed class InstallPlan(RepositoryPaths repository)
{
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly List<(string Target, Action Apply)> actions = [];
    private readonly List<string> changes = [];
    private readonly List<string> notes = [];

    public string Root { get; } = repository.Root;

    public string CommonGitDir { get; } = repository.CommonGitDir;

    public string FullPath(string relative) => Path.GetFullPath(relative, Root);

    public string Display(string path) => HooksLocation.DisplayPath(Root, path);

    /// <summary>The path as one SessionHooks owns: in the worktree or the git dir, or refused (SH5008).</summary>
    public OwnedPath Owned(string path) => OwnedPath.Locate(path, Root, CommonGitDir);

    public bool Exists(string path) => Owned(path).Exists();

    /// <summary>The file's text without a byte order mark, or null when it does not exist.</summary>
    public string? ReadText(string path) => Owned(path).ReadAllText();

    /// <summary>Writes the file if its text (or, for hooks, its executable bit) differs; its mode and byte order mark are kept.</summary>
    public void Write(string path, string text, string change, bool executable = false)
    {
        var owned = Owned(path);
        var bytes = owned.ReadAllBytes();
        var existing = bytes is null ? null : owned.ReadAllText();
        var unix = !OperatingSystem.IsWindows();
        var needsMode = executable && unix && (existing is null || !HooksLocation.IsExecutable(path));
        UnixFileMode? mode = unix && bytes is not null ? ModeOf(path) : null;
        if (existing == text && !needsMode)
        {
            return;
        }

        if (existing is not null && existing == text)
        {
            change = $"made {Display(path)} executable (git skips hooks that are not)";
        }

        var bom = bytes is not null && bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        changes.Add(change);
        actions.Add((path, () =>
        {
            owned.WriteAtomic([.. bom ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(text)]);
            if (!OperatingSystem.IsWindows() && (mode is not null || needsMode))
            {
                // The rename gave the file a new inode with default permissions: keep the old mode.
                var kept = mode ?? File.GetUnixFileMode(path);
                File.SetUnixFileMode(owned.Verify(), needsMode ? kept | Executable : kept);
            }
        }));
    }

    private static UnixFileMode? ModeOf(string path) => OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);

    public void Delete(string path, string change)
    {
        var owned = Owned(path);
        if (!owned.Exists())
        {
            return;
        }

        changes.Add(change);
        actions.Add((path, owned.Delete));
    }

    /// <summary>Deletes the folder once the actions before have emptied it.</summary>
    public void DeleteFolderIfEmpty(string path)
    {
        var owned = Owned(path);
        owned.Verify();
        actions.Add((path, () =>
        {
            if (Directory.Exists(owned.Verify()) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }));
    }

    public void SetConfig(string key, string value, string change)
    {
        if (GitConfig.Get(Root, key) == value)
        {
            return;
        }

        changes.Add(change);
        actions.Add((Path.Combine(Root, ".git", "config"), () => GitConfig.Set(Root, key, value)));
    }

    public void UnsetConfig(string key)
    {
        if (GitConfig.Get(Root, key) is null)
        {
            return;
        }

        changes.Add($"removed {key} from the local git config");
        actions.Add((Path.Combine(Root, ".git", "config"), () => GitConfig.Unset(Root, key)));
    }

    /// <summary>The repository's own hook lines this plan makes git run (see <see cref="ExistingHookLines"/>).</summary>
    public IReadOnlyList<string> ExistingHookLines { get; set; } = [];

    /// <summary>Something the user should know that is not a change.</summary>
    public void Note(string note) => notes.Add(note);

    public InstallResult Finish(bool dryRun)
    {
        if (!dryRun)
        {
            foreach (var (target, apply) in actions)
            {
                try
                {
                    apply();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new SessionHooksException(DiagnosticCatalog.FileUnreadable.ForFile(
                        Display(target), $"could not write: {exception.Message}", "check the folder's permissions, then run 'session install' again"), exception);
                }
            }
        }

        return new InstallResult(changes, notes, dryRun) { ExistingHookLines = ExistingHookLines };
    }
}
