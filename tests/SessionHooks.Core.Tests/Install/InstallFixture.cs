using SessionHooks.Testing;

namespace SessionHooks.Tests.Install;

/// <summary>
/// A fresh repository per test, with the installer's own git calls (made in this process) held to
/// the repository's isolated configuration, and a fake hooks folder whose path is hostile on purpose.
/// </summary>
public abstract class InstallFixture
{
    private static readonly string[] IsolatedVariables = ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR"];
    private readonly Dictionary<string, string?> saved = [];

    protected TempRepository Repo { get; private set; } = null!;

    protected FakeHooksFolder Hooks { get; private set; } = null!;

    [SetUp]
    public void CreateRepository()
    {
        foreach (var name in IsolatedVariables)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        Repo = TempRepository.Create();
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", Path.Combine(Repo.Git.Home, ".gitconfig"));
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Repo.Commit("README.md", "hello\n", "initial");
        Hooks = new FakeHooksFolder(Path.Combine(Path.GetDirectoryName(Repo.Root)!, "hooks dir 'q' $(touch pwned); ü"));
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    protected string LocalConfig() => Repo.Run("config", "--local", "--list");

    protected static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    protected static bool IsExecutable(string path) => OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    private static string Mode(string path) => OperatingSystem.IsWindows() ? "" : File.GetUnixFileMode(path).ToString();

    /// <summary>Every file of the worktree (not .git) with its bytes and mode, to compare whole trees.</summary>
    protected IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Repo.Root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Repo.Root, f).StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(
                f => Path.GetRelativePath(Repo.Root, f),
                f => $"{Mode(f)}:{Convert.ToBase64String(File.ReadAllBytes(f))}");

    /// <summary>Runs a command in the repository as git would run a hook: from the worktree root.</summary>
    protected ProcessResult Sh(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null) =>
        Repo.Git.Exec(Repo.Root, "sh", [script, .. arguments], environment, standardInput);
}
