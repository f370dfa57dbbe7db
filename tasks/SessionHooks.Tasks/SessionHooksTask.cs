using Microsoft.Build.Framework;
using SessionHooks.Diagnostics;

namespace SessionHooks.Tasks;

/// <summary>
/// What every SessionHooks task shares: success is "no error logged", and a failure is one
/// diagnostic with its code, never a stack trace in the build output.
/// </summary>
public abstract class SessionHooksTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (SessionHooksException exception)
        {
            Report(exception.Diagnostic);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.LogDiagnostic(DiagnosticCatalog.InternalError.ForFile(ProjectFile, $"{GetType().Name} failed: {exception.GetType().Name}: {exception.Message}"));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The project being built: what a problem that concerns no session file names, so an IDE still has a file to open.</summary>
    protected string ProjectFile => BuildEngine?.ProjectFileOfTaskNode ?? "";

    /// <summary>The repository the task works on, when it works on one: what the engine's repository paths are relative to.</summary>
    protected virtual string? RepositoryFolder => null;

    protected abstract void ExecuteCore();

    /// <summary>
    /// Logs the diagnostic with its file by absolute path: the engine names files by repository path
    /// (<c>.husky/pre-commit</c>), which neither an IDE's error list nor a problem matcher can open.
    /// </summary>
    private protected void Report(Diagnostic diagnostic) =>
        Log.LogDiagnostic(string.IsNullOrEmpty(diagnostic.File) || Path.IsPathFullyQualified(diagnostic.File) || string.IsNullOrWhiteSpace(RepositoryFolder)
            ? diagnostic
            : diagnostic with { File = Path.GetFullPath(diagnostic.File, Path.GetFullPath(RepositoryFolder)) });

    /// <summary>MSBuild hands over empty or relative paths as written in the project; tasks work with full ones.</summary>
    protected string FullPath(string? path, string parameter) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(ProjectFile, $"the task parameter {parameter} is empty"))
            : Path.GetFullPath(path);
}
