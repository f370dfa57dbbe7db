namespace SessionHooks.Hooks;

/// <summary>
/// The command line of the <c>git</c> process that runs this hook, a few parents up (git → hook
/// script → launcher → this program). Git tells pre-commit nothing about <c>--amend</c>: this is
/// the only witness of it.
/// </summary>
internal sealed class GitInvocation
{
    private const int MaxAncestors = 8;

    private GitInvocation(string command, IReadOnlyList<string> arguments)
    {
        Command = command;
        Arguments = arguments;
    }

    /// <summary>The git subcommand (commit, merge, pull, ...).</summary>
    public string Command { get; }

    /// <summary>The arguments after the subcommand.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public bool IsAmend => Command == "commit" && Arguments.TakeWhile(a => a != "--").Any(a => a == "--amend");

    /// <summary>The nearest ancestor <c>git</c> process running a subcommand, or null (not Linux, or none found).</summary>
    public static GitInvocation? Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var pid = Environment.ProcessId;
            for (var i = 0; i < MaxAncestors && pid > 1; i++)
            {
                pid = ParentOf(pid);
                var arguments = CommandLine(pid);
                if (arguments.Length < 2 || !Path.GetFileName(arguments[0]).StartsWith("git", StringComparison.Ordinal))
                {
                    continue;
                }

                // Skip git's own options (-c key=value, -C dir, --no-pager ...) to find the subcommand.
                var index = 1;
                while (index < arguments.Length && arguments[index].StartsWith('-'))
                {
                    index += arguments[index] is "-c" or "-C" ? 2 : 1;
                }

                if (index < arguments.Length)
                {
                    return new GitInvocation(arguments[index], arguments[(index + 1)..]);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            // A process we may not inspect: nothing is known of the invocation.
        }

        return null;
    }

    /// <summary>Whether the commit being made amends HEAD; <c>SESSIONHOOKS_AMEND=1|0</c> decides where /proc cannot.</summary>
    public static bool IsAmendingCommit()
    {
        var forced = Environment.GetEnvironmentVariable("SESSIONHOOKS_AMEND");
        return string.IsNullOrEmpty(forced) ? Find()?.IsAmend ?? false : forced == "1";
    }

    private static int ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string[] CommandLine(int pid) =>
        File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
