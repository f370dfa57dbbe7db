using Serilog;
using Serilog.Events;
using SessionHooks.Diagnostics;
using SessionHooks.Safety;

namespace SessionHooks.Logging;

/// <summary>
/// The log every hook and command writes: structured lines in
/// <c>&lt;git common dir&gt;/sessionhooks/logs/sessionhooks-&lt;UTC date&gt;.log</c>, shared by all
/// worktrees and by processes running at once. Logging never fails the caller: when the folder
/// cannot be written the logger logs nowhere, and Serilog's own failures stay silent.
/// </summary>
/// <remarks>
/// Hooks are short processes, so what a logger costs to start is what it costs: the line layout
/// (<see cref="LogLine"/>), the file choice (<see cref="LogFiles"/>) and the UTC timestamps
/// (<see cref="UtcLogger"/>) keep Serilog's set-up and first event to about a millisecond each.
/// </remarks>
internal static class HookLog
{
    /// <summary>Sets the level: <c>debug</c>, <c>information</c> (default), <c>warning</c>, <c>error</c> or <c>off</c>.</summary>
    public const string LevelVariable = "SESSIONHOOKS_LOG";

    private const long FileSizeLimit = 1024 * 1024;
    private const int RetainedFiles = 5;

    /// <summary>The folder the log files are written to.</summary>
    public static string Folder(string commonGitDir) => StatePaths.Of(commonGitDir).Logs;

    /// <summary>
    /// A logger tagged with <paramref name="component"/> (e.g. <c>pre-commit</c>). Dispose it before
    /// the process exits.
    /// </summary>
    public static IHookLogger Create(string commonGitDir, string component)
    {
        try
        {
            var level = ParseLevel(Environment.GetEnvironmentVariable(LevelVariable));
            if (level is null || !TryPrepareFolder(commonGitDir, out var folder)
                || LogFiles.Choose(folder, DateTime.UtcNow, FileSizeLimit, RetainedFiles) is not { } chosen
                || Verified(commonGitDir, chosen) is not { } path)
            {
                return new UtcLogger(new LoggerConfiguration().CreateLogger());
            }

            // Shared: hooks of several worktrees and concurrent commands append to the same file.
            return new UtcLogger(new LoggerConfiguration()
                .MinimumLevel.Is(level.Value)
                .Enrich.With(new Secrets.SecretRedactingEnricher())
                .WriteTo.File(new LogLine(component), path, shared: true)
                .CreateLogger());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Logging never fails the caller (see the class remarks).
            return new UtcLogger(new LoggerConfiguration().CreateLogger());
        }
    }

    /// <summary>Null means "off".</summary>
    internal static LogEventLevel? ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => LogEventLevel.Information,
        "DEBUG" or "VERBOSE" or "TRACE" => LogEventLevel.Debug,
        "INFORMATION" or "INFO" => LogEventLevel.Information,
        "WARNING" or "WARN" => LogEventLevel.Warning,
        "ERROR" => LogEventLevel.Error,
        "OFF" or "NONE" or "0" => null,
        _ => LogEventLevel.Information,
    };

    private static bool TryPrepareFolder(string commonGitDir, out string folder)
    {
        folder = Folder(commonGitDir);
        try
        {
            OwnedPath.InGitDir(commonGitDir, "sessionhooks/logs").CreateDirectory();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SessionHooksException)
        {
            return false;
        }
    }

    /// <summary>The log file, unless a link stands where it (or its folder) belongs: then nothing is logged.</summary>
    private static string? Verified(string commonGitDir, string path)
    {
        try
        {
            return OwnedPath.InGitDir(commonGitDir, "sessionhooks/logs/" + Path.GetFileName(path)).Verify();
        }
        catch (SessionHooksException)
        {
            return null;
        }
    }
}
