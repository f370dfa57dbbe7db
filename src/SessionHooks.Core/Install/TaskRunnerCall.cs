using System.Diagnostics;
using System.Globalization;

namespace SessionHooks.Install;

/// <summary>How Husky.Net's task runner that started this process was asked to run.</summary>
internal enum TaskRunnerRequest
{
    /// <summary>Asked for the task by its group (<c>--group</c>) or its name (<c>--name</c>).</summary>
    AskedFor,

    /// <summary>Asked for other tasks, or for every task (a plain <c>dotnet husky run</c>).</summary>
    NotAskedFor,

    /// <summary>No task runner among this process's parents, or their command lines cannot be read.</summary>
    Unknown,
}

/// <summary>
/// Husky.Net gives a task nothing that says why it runs: a plain <c>dotnet husky run</c> (every
/// group, often a hook's only line) starts the same process as <c>dotnet husky run --group
/// session-recover</c>. Its command line is the one place that says, so it is read from the
/// parent processes (the launcher execs the task's program, so the runner is usually the parent):
/// <c>/proc</c> on Linux, <c>ps</c> on other Unix systems.
/// </summary>
internal static class TaskRunnerCall
{
    private const int Ancestors = 4;

    public static TaskRunnerRequest Request(string group, string taskName)
    {
        var pid = Environment.ProcessId;
        for (var level = 0; level < Ancestors && ParentOf(pid) is { } parent && parent > 1; level++)
        {
            pid = parent;
            if (CommandLine(pid) is not { } arguments)
            {
                return TaskRunnerRequest.Unknown;
            }

            if (Classify(arguments, group, taskName) is { } request)
            {
                return request;
            }
        }

        return TaskRunnerRequest.Unknown;
    }

    /// <summary>
    /// The request in a command line such as <c>dotnet husky run -g session-recover</c>, or null when it
    /// does not run Husky.Net's task runner. Husky.Net matches groups and names ignoring case.
    /// </summary>
    internal static TaskRunnerRequest? Classify(IReadOnlyList<string> arguments, string group, string taskName)
    {
        var husky = -1;
        for (var i = 0; i < arguments.Count - 1 && husky < 0; i++)
        {
            var name = Path.GetFileNameWithoutExtension(arguments[i].TrimEnd('/'));
            if (name.Equals("husky", StringComparison.OrdinalIgnoreCase) && arguments[i + 1] == "run")
            {
                husky = i + 1;
            }
        }

        if (husky < 0)
        {
            return null;
        }

        for (var i = husky + 1; i < arguments.Count; i++)
        {
            var (option, value) = arguments[i].Split('=', 2) is [var o, var v] && o.StartsWith('-') ? (o, v) : (arguments[i], i + 1 < arguments.Count ? arguments[i + 1] : "");
            var wanted = option switch
            {
                "--group" or "-g" => group,
                "--name" or "-n" => taskName,
                _ => null,
            };
            if (wanted is not null && value.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return TaskRunnerRequest.AskedFor;
            }
        }

        return TaskRunnerRequest.NotAskedFor;
    }

    private static int? ParentOf(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ...", where comm may hold spaces and parentheses.
            var stat = ReadProc($"/proc/{pid}/stat");
            var fields = stat?[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields is [_, var ppid, ..] && int.TryParse(ppid, CultureInfo.InvariantCulture, out var parent) ? parent : null;
        }

        return OperatingSystem.IsWindows() ? null
            : int.TryParse(Ps(pid, "ppid="), CultureInfo.InvariantCulture, out var ps) ? ps : null;
    }

    private static string[]? CommandLine(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return ReadProc($"/proc/{pid}/cmdline")?.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }

        // ps joins the arguments with spaces: good enough to find options and a group name.
        return OperatingSystem.IsWindows() ? null : Ps(pid, "args=")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? ReadProc(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Ps(int pid, string format)
    {
        try
        {
            var info = new ProcessStartInfo("ps") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-o", format, "-p", pid.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
