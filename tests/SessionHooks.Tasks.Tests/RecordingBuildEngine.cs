using System.Collections;
using Microsoft.Build.Framework;

namespace SessionHooks.Tasks.Tests;

/// <summary>What a task logged, as MSBuild would have received it.</summary>
public sealed record LoggedProblem(string Severity, string? Code, string? File, int Line, int Column, string Message);

/// <summary>A build engine that keeps what tasks log instead of printing it.</summary>
public sealed class RecordingBuildEngine : IBuildEngine
{
    public List<LoggedProblem> Problems { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public IEnumerable<LoggedProblem> Errors => Problems.Where(p => p.Severity == "error");

    public IEnumerable<LoggedProblem> Warnings => Problems.Where(p => p.Severity == "warning");

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    /// <summary>Absolute, as MSBuild gives it.</summary>
    public static string ProjectFile { get; } = Path.Combine(Path.GetTempPath(), "app", "test.csproj");

    public string ProjectFileOfTaskNode => ProjectFile;

    public void LogErrorEvent(BuildErrorEventArgs e) =>
        Problems.Add(new LoggedProblem("error", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message ?? ""));

    public void LogWarningEvent(BuildWarningEventArgs e) =>
        Problems.Add(new LoggedProblem("warning", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message ?? ""));

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();
}
