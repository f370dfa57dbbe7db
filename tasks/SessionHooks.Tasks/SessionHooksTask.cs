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
            Log.LogDiagnostic(exception.Diagnostic);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.LogDiagnostic(DiagnosticCatalog.InternalError.ForFile(ProjectFile, $"{GetType().Name} failed: {exception.GetType().Name}: {exception.Message}"));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The project being built: what a problem that concerns no session file names, so an IDE still has a file to open.</summary>
    protected string ProjectFile => BuildEngine?.ProjectFileOfTaskNode ?? "";

    protected abstract void ExecuteCore();

    /// <summary>MSBuild hands over empty or relative paths as written in the project; tasks work with full ones.</summary>
    protected string FullPath(string? path, string parameter) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(ProjectFile, $"the task parameter {parameter} is empty"))
            : Path.GetFullPath(path);
}
