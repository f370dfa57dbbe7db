namespace SessionHooks.Testing;

/// <summary>
/// A real repository with SessionHooks installed by the real <c>session install</c> and committed
/// through its own hooks, plus a bare remote. The test assembly's folder is the hooks folder: test
/// projects reference the CLI, whose output holds <c>session</c> and every hook program.
/// </summary>
public sealed class InstalledRepository
{
    private InstalledRepository(TempRepository repository, string remote)
    {
        Repo = repository;
        Remote = remote;
    }

    public static string HooksFolder { get; } = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);

    public static string SessionDll { get; } = Path.Combine(HooksFolder, "session.dll");

    public TempRepository Repo { get; }

    /// <summary>The bare repository added as <c>origin</c>.</summary>
    public string Remote { get; }

    public static InstalledRepository Create(string? suffix = null)
    {
        var repo = TempRepository.Create(suffix);
        repo.Commit("README.md", "# sandbox\n", "initial commit");
        GitRunner.Check(Session(repo, repo.Root, "install", "--hooks-dir", HooksFolder));
        repo.Run("add", "-A");
        repo.Run("commit", "-q", "-m", "Install SessionHooks");
        return new InstalledRepository(repo, repo.AddBareRemote());
    }

    /// <summary>Runs the real <c>session</c> program in <paramref name="directory"/>, its output redirected as scripts see it.</summary>
    public static ProcessResult Session(TempRepository repo, string directory, params string[] arguments) =>
        repo.Git.Exec(directory, "dotnet", [SessionDll, .. arguments]);
}
