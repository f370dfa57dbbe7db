using Serilog;
using Serilog.Core;
using Serilog.Events;
using SessionHooks.Diagnostics;
using SessionHooks.Safety;

namespace SessionHooks.Logging;

/// <summary>
/// The log every hook and command writes: one line per event in
/// <c>&lt;git common dir&gt;/sessionhooks/logs/sessionhooks-&lt;date&gt;.log</c> through Serilog's
/// rolling file sink, shared by all worktrees and by processes running at once, with secrets
/// redacted before any sink sees them. Logging never fails the caller: when the folder cannot be
/// written the logger logs nowhere, and Serilog's own failures stay silent.
/// </summary>
internal static class HookLog
{
    /// <summary>Sets the level: <c>debug</c>, <c>information</c> (default), <c>warning</c>, <c>error</c> or <c>off</c>.</summary>
    public const string LevelVariable = "SESSIONHOOKS_LOG";

    private const string FilePrefix = "sessionhooks-";
    private const long FileSizeLimit = 1024 * 1024;
    private const int RetainedFiles = 5;

    // 2026-11-21T21:48:33.123Z [INF] pre-commit 4242 message
    private const string LineTemplate = "{UtcTimestamp:yyyy-MM-ddTHH:mm:ss.fffZ} [{Level:u3}] {Component} {ProcessId} {Message:lj}{NewLine}{Exception}";

    /// <summary>The folder the log files are written to.</summary>
    public static string Folder(string commonGitDir) => StatePaths.Of(commonGitDir).Logs;

    /// <summary>A logger tagged with <paramref name="component"/> (e.g. <c>pre-commit</c>). Dispose it before the process exits.</summary>
    public static Logger Create(string commonGitDir, string component)
    {
        try
        {
            var level = ParseLevel(Environment.GetEnvironmentVariable(LevelVariable));
            if (level is null || !TryPrepareFolder(commonGitDir, out var folder) || HoldsLink(folder))
            {
                return Nowhere();
            }

            // Shared: hooks of several worktrees and concurrent commands append to the same file.
            return new LoggerConfiguration()
                .MinimumLevel.Is(level.Value)
                .Enrich.With(new Secrets.SecretRedactingEnricher())
                .Enrich.WithProperty("Component", component)
                .Enrich.WithProperty("ProcessId", Environment.ProcessId)
                .WriteTo.File(
                    Path.Combine(folder, FilePrefix + ".log"),
                    outputTemplate: LineTemplate,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    fileSizeLimitBytes: FileSizeLimit,
                    rollingInterval: RollingInterval.Day,
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: RetainedFiles,
                    shared: true)
                .CreateLogger();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Logging never fails the caller (see the class remarks).
            return Nowhere();
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

    private static Logger Nowhere() => new LoggerConfiguration().CreateLogger();

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

    /// <summary>
    /// A link among the log files: the sink picks its file itself, so rather than write through a
    /// link (SessionHooks never does, in a path it owns), nothing is logged.
    /// </summary>
    private static bool HoldsLink(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, FilePrefix + "*").Any(path => new FileInfo(path).LinkTarget is not null);
}
