using System.Diagnostics;
using System.Text;

namespace SessionHooks.Git;

/// <summary>The outcome of one run of the git command line.</summary>
internal sealed record GitCliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>git's first line on standard error, or the exit code when it wrote none: what a diagnostic quotes.</summary>
    public string FirstErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
        ?? $"exit code {ExitCode}";
}

/// <summary>
/// Runs the <c>git</c> command line, for the few things libgit2 cannot do (each caller says which).
/// Only <see cref="GitRepository"/> uses it. Arguments go as a list, never through a shell.
/// </summary>
internal static class GitCli
{
    private static readonly Dictionary<string, string?> EmptyVariables = [];

    /// <summary>
    /// Runs git in <paramref name="workingDirectory"/>. With <paramref name="otherRepository"/> the
    /// child loses the <c>GIT_*</c> variables of the hook it may be running in, because it works
    /// on a different repository; otherwise it keeps them (they name the repository being committed).
    /// </summary>
    /// <param name="variables">Variables set for the child after that, e.g. the index it stages into.</param>
    public static GitCliResult Run(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        bool otherRepository = false,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? variables = null)
    {
        var info = StartInfo(workingDirectory, arguments, otherRepository, variables);
        info.RedirectStandardInput = standardInput is not null;
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return new GitCliResult(127, "", "git could not be started");
            }

            var stderr = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitCliResult(process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new GitCliResult(127, "", $"git could not be started: {exception.Message}");
        }
    }

    /// <summary>How git is started for <see cref="Run"/>.</summary>
    /// <param name="variables">Set for the child after the <c>GIT_*</c> clean-up; a null value removes the variable.</param>
    private static ProcessStartInfo StartInfo(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        bool otherRepository,
        IReadOnlyDictionary<string, string?>? variables)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (otherRepository)
        {
            foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
            {
                info.Environment.Remove(key);
            }
        }

        foreach (var (name, value) in variables ?? EmptyVariables)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }
}
