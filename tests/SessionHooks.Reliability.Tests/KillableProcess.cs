using System.Diagnostics;

namespace SessionHooks.Reliability.Tests;

/// <summary>A real process (with whatever it starts: git's hooks, the hook programs) that a test may kill -9 at any moment.</summary>
public sealed class KillableProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private KillableProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public static KillableProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return new KillableProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName));
    }

    /// <summary>
    /// Waits <paramref name="delay"/>, then sends SIGKILL to the process and every descendant.
    /// Returns the exit code when the process finished by itself first (an acknowledged write), else null.
    /// </summary>
    public int? KillAfter(TimeSpan delay)
    {
        if (process.WaitForExit(delay))
        {
            process.WaitForExit();
            return process.ExitCode;
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return null;
    }

    public string StandardOutput => stdout.Result;

    public string StandardError => stderr.Result;

    public void Dispose() => process.Dispose();
}
