using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Git;

namespace SessionHooks.Install;

/// <summary>
/// What install or uninstall will change, worked out in full before anything is written: a dry
/// run reports it, and bad input found while planning leaves the repository untouched.
/// </summary>
internal sealed class InstallPlan(string worktreeRoot)
{
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly List<(string Target, Action Apply)> actions = [];
    private readonly List<string> changes = [];
    private readonly List<string> notes = [];

    public string Root { get; } = worktreeRoot;

    public string FullPath(string relative) => Path.GetFullPath(relative, Root);

    public string Display(string path) => HooksLocation.DisplayPath(Root, path);

    /// <summary>The file's text without a byte order mark, or null when it does not exist.</summary>
    public static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;

    /// <summary>Writes the file if its text (or, for hooks, its executable bit) differs.</summary>
    public void Write(string path, string text, string change, bool executable = false)
    {
        var existing = ReadText(path);
        var needsMode = executable && !OperatingSystem.IsWindows() && (existing is null || !HooksLocation.IsExecutable(path));
        if (existing == text && !needsMode)
        {
            return;
        }

        if (existing is not null && existing == text)
        {
            change = $"made {Display(path)} executable (git skips hooks that are not)";
        }

        changes.Add(change);
        actions.Add((path, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bom = existing is not null && HasByteOrderMark(path);
            File.WriteAllText(path, text, new UTF8Encoding(bom));
            if (needsMode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | Executable);
            }
        }));
    }

    public void Delete(string path, string change)
    {
        if (!File.Exists(path))
        {
            return;
        }

        changes.Add(change);
        actions.Add((path, () => File.Delete(path)));
    }

    /// <summary>Deletes the folder once the actions before have emptied it.</summary>
    public void DeleteFolderIfEmpty(string path) =>
        actions.Add((path, () =>
        {
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }));

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

        return new InstallResult(changes, notes, dryRun);
    }

    private static bool HasByteOrderMark(string path)
    {
        Span<byte> head = stackalloc byte[3];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head.SequenceEqual(Encoding.UTF8.Preamble);
    }
}
