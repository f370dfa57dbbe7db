namespace SessionHooks.Sessions;

/// <summary>
/// Git tells a pre-commit hook nothing about <c>--amend</c>; the only witness is the command
/// line of the <c>git commit</c> process that runs the hook, a few parents up (git → hook
/// script → launcher → this program). Reading it keeps an amended commit at one worklog entry.
/// </summary>
internal static class AmendDetector
{
    private const int MaxAncestors = 8;

    public static bool IsAmend()
    {
        var forced = Environment.GetEnvironmentVariable("SESSIONHOOKS_AMEND");
        if (!string.IsNullOrEmpty(forced))
        {
            return forced == "1";
        }

        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var pid = Environment.ProcessId;
            for (var i = 0; i < MaxAncestors && pid > 1; i++)
            {
                pid = ParentOf(pid);
                var arguments = CommandLine(pid);
                var commit = Array.IndexOf(arguments, "commit");
                if (commit > 0 && Path.GetFileName(arguments[0]).StartsWith("git", StringComparison.Ordinal))
                {
                    return arguments.Skip(commit + 1).TakeWhile(a => a != "--").Any(a => a == "--amend");
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            // A process we may not inspect: treat the commit as a new one.
        }

        return false;
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
