namespace SessionHooks.Testing;

/// <summary>A real git repository in the test's own directory, made with the git command line.</summary>
public sealed class TempRepository
{
    private TempRepository(string root, GitRunner git)
    {
        Root = root;
        Git = git;
    }

    /// <summary>The worktree root.</summary>
    public string Root { get; }

    public GitRunner Git { get; }

    /// <summary>Creates <c>&lt;test dir&gt;/repo</c> with <c>git init</c> (plus extra init arguments).</summary>
    public static TempRepository Create(string? suffix = null, params string[] initArguments)
    {
        var directory = TestDirectory.Create(suffix);
        var git = new GitRunner(System.IO.Path.Combine(directory, "home"));
        var root = System.IO.Path.Combine(directory, "repo");
        Directory.CreateDirectory(root);
        git.Run(root, ["init", "--quiet", .. initArguments]);
        return new TempRepository(root, git);
    }

    /// <summary>Another repository (or worktree) next to this one, sharing its git identity.</summary>
    public TempRepository Sibling(string root) => new(root, Git);

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public TempRepository Write(string relative, string content)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(Path(relative));

    public string Run(params string[] arguments) => Git.Run(Root, arguments);

    public ProcessResult Try(params string[] arguments) => Git.Try(Root, arguments);

    /// <summary>Writes a file, stages it and commits it; returns the new commit id.</summary>
    public string Commit(string relative, string content, string? message = null)
    {
        Write(relative, content);
        Run("add", "--", relative);
        Run("commit", "--quiet", "-m", message ?? $"change {relative}");
        return Head();
    }

    public string Head() => Run("rev-parse", "HEAD").Trim();

    public string GitDir() => System.IO.Path.GetFullPath(Run("rev-parse", "--absolute-git-dir").Trim());

    /// <summary>A bare repository beside this one, added as remote <paramref name="name"/>.</summary>
    public string AddBareRemote(string name = "origin")
    {
        var bare = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Root)!, name + ".git");
        Git.Run(System.IO.Path.GetDirectoryName(Root)!, "init", "--quiet", "--bare", bare);
        Run("remote", "add", name, bare);
        return bare;
    }
}
