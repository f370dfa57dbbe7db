using NUnit.Framework;

namespace SessionHooks.Testing;

/// <summary>
/// Runs the real <c>git</c> for tests with a fixed identity, no signing and no system or user
/// configuration, logging every command and its output to <c>commands.log</c> beside the repository.
/// </summary>
public sealed class GitRunner
{
    private readonly string logFile;

    public GitRunner(string home)
    {
        Home = home;
        Directory.CreateDirectory(home);
        logFile = Path.Combine(home, "commands.log");
        File.WriteAllText(Path.Combine(home, ".gitconfig"), """
            [user]
              name = Test Author
              email = test@example.com
            [commit]
              gpgsign = false
            [tag]
              gpgsign = false
            [init]
              defaultBranch = main
            [advice]
              detachedHead = false
            [core]
              autocrlf = false
            [protocol "file"]
              allow = always
            """);
    }

    /// <summary>The HOME the git processes see; holds their <c>.gitconfig</c>.</summary>
    public string Home { get; }

    /// <summary>Variables added to every git process (e.g. to skip the hooks).</summary>
    public Dictionary<string, string?> Environment { get; } = new();

    public IReadOnlyDictionary<string, string?> BaseEnvironment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["LC_ALL"] = "C.UTF-8",
            ["CI"] = null,
            ["HUSKY"] = null,
            ["SESSIONHOOKS"] = null,
        };
        foreach (var (key, value) in Environment)
        {
            env[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        return env;
    }

    /// <summary>Runs git and fails the test when it exits non-zero.</summary>
    public string Run(string workingDirectory, params string[] arguments) =>
        Check(Try(workingDirectory, arguments)).StandardOutput;

    /// <summary>Runs git and returns whatever happened.</summary>
    public ProcessResult Try(string workingDirectory, params string[] arguments) =>
        TryWith(workingDirectory, null, null, arguments);

    public ProcessResult TryWith(
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment,
        string? standardInput,
        params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, workingDirectory, BaseEnvironment(environment), standardInput);
        Log(workingDirectory, result);
        return result;
    }

    /// <summary>Runs any program in the same environment, logged like git.</summary>
    public ProcessResult Exec(string workingDirectory, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null)
    {
        var result = ProcessRunner.Run(fileName, arguments, workingDirectory, BaseEnvironment(environment), standardInput);
        Log(workingDirectory, result);
        return result;
    }

    public static ProcessResult Check(ProcessResult result)
    {
        if (result.ExitCode != 0)
        {
            Assert.Fail(result.ToString());
        }

        return result;
    }

    private void Log(string workingDirectory, ProcessResult result)
    {
        lock (logFile)
        {
            File.AppendAllText(logFile, $"# in {workingDirectory}\n{result}\n\n");
        }
    }
}
