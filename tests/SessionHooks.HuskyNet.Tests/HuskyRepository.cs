using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// A real repository that uses Husky.Net: its tool manifest committed, a bare remote, and every git,
/// <c>dotnet husky</c> and <c>session</c> process run in the test's isolated environment.
/// </summary>
public sealed class HuskyRepository
{
    private HuskyRepository(TempRepository repo, string remote)
    {
        Repo = repo;
        Remote = remote;
    }

    public TempRepository Repo { get; }

    public string Root => Repo.Root;

    /// <summary>The bare repository added as <c>origin</c>.</summary>
    public string Remote { get; }

    /// <summary>git init, a first commit with the tool manifest that lists Husky.Net, and a bare remote.</summary>
    public static HuskyRepository Create(string? suffix = null, string? manifest = null)
    {
        var repo = TempRepository.Create(suffix);
        foreach (var (key, value) in HuskyNetTool.DotnetEnvironment())
        {
            // Hooks that run 'dotnet husky' inherit it from git.
            repo.Git.Environment[key] = value;
        }

        repo.Write("dotnet-tools.json", manifest ?? HuskyNetTool.Manifest);
        repo.Commit("README.md", "# sandbox\n", "initial commit");
        return new HuskyRepository(repo, repo.AddBareRemote());
    }

    /// <summary>Another clone of <paramref name="remote"/>, beside this repository, in the same environment.</summary>
    public HuskyRepository CloneOf(string remote, string name)
    {
        var root = Path.Combine(Path.GetDirectoryName(Root)!, name);
        Repo.Git.Run(Path.GetDirectoryName(Root)!, "clone", "-q", remote, root);
        return new HuskyRepository(Repo.Sibling(root), remote);
    }

    /// <summary>The real <c>dotnet husky</c>, from the tool manifest.</summary>
    public ProcessResult Husky(params string[] arguments) => Repo.Git.Exec(Root, "dotnet", ["husky", .. arguments]);

    public ProcessResult Session(params string[] arguments) => InstalledRepository.Session(Repo, Root, arguments);

    public void HuskyInstall() => GitRunner.Check(Husky("install"));

    public ProcessResult SessionInstall() => GitRunner.Check(Session("install", "--hooks-dir", InstalledRepository.HooksFolder));

    public string Run(params string[] arguments) => Repo.Run(arguments);

    public ProcessResult Try(params string[] arguments) => Repo.Try(arguments);

    public ProcessResult TryWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Repo.Git.TryWith(Root, environment, null, arguments);

    /// <summary>Writes a file, stages it and commits it through the hooks; fails the test when git fails.</summary>
    public ProcessResult Commit(string file, string content, string message)
    {
        Repo.Write(file, content);
        Run("add", "--", file);
        return GitRunner.Check(Try("commit", "-m", message));
    }

    public string Head() => Repo.Head();

    public string TrailerOf(string revision = "HEAD") =>
        Run("log", "-1", "--format=%(trailers:key=Session-Id,valueonly,separator=%x2C)", revision).Trim();

    public string[] FilesOf(string revision = "HEAD") =>
        Run("show", "--name-only", "--format=", revision).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Task names in <c>.husky/task-runner.json</c>.</summary>
    public string[] TaskNames() =>
        [.. JsonNode.Parse(Repo.Read(".husky/task-runner.json"))!["tasks"]!.AsArray().Select(t => (string)t!["name"]!)];

    /// <summary>Everything SessionHooks keeps under the git dir (logs, pending area, a commit in progress), file by file.</summary>
    public IReadOnlyDictionary<string, string> State()
    {
        var folder = Path.Combine(Repo.GitDir(), "sessionhooks");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "locks" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
    }

    /// <summary>Entries waiting in the pending area.</summary>
    public List<JsonNode> PendingEntries()
    {
        var folder = Path.Combine(Repo.GitDir(), "sessionhooks", "pending");
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*.json").Where(f => !f.EndsWith("repository.json", StringComparison.Ordinal))
                .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]!.AsArray().Select(e => e!))];
    }
}
