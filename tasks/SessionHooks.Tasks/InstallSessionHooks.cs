using Microsoft.Build.Framework;
using SessionHooks.Diagnostics;
using SessionHooks.Install;

namespace SessionHooks.Tasks;

/// <summary>
/// Installs the hooks into the clone being built, pointing them at the package's hooks folder.
/// Idempotent: a build that finds everything in place changes nothing and says so quietly.
/// </summary>
public sealed class InstallSessionHooks : SessionHooksTask
{
    private static readonly HashSet<string> SafetyRefusals =
    [
        DiagnosticCatalog.OwnedPathIsLink.Code, DiagnosticCatalog.OwnedPathOutside.Code, DiagnosticCatalog.HooksPathOutside.Code,
    ];

    [Required]
    public string RepositoryRoot { get; set; } = "";

    /// <summary>The folder holding the hook programs and the <c>session</c> CLI.</summary>
    [Required]
    public string HooksFolder { get; set; } = "";

    /// <summary>True when this run changed anything.</summary>
    [Output]
    public bool Changed { get; private set; }

    protected override string? RepositoryFolder => RepositoryRoot;

    protected override void ExecuteCore()
    {
        InstallResult result;
        try
        {
            result = HookInstaller.Install(FullPath(RepositoryRoot, nameof(RepositoryRoot)), FullPath(HooksFolder, nameof(HooksFolder)));
        }
        catch (SessionHooksException refused) when (SafetyRefusals.Contains(refused.Diagnostic.Code))
        {
            // A clone install refuses for its safety (a link where a hook file belongs, a hooks folder
            // outside the repository) still builds: the hooks are a convenience, the warning says why
            // they are missing. Anything else stays an error, as before.
            Report(refused.Diagnostic.WithSeverity(Severity.Warning));
            return;
        }

        Changed = result.Changed;
        var importance = Changed ? MessageImportance.High : MessageImportance.Low;
        if (Changed)
        {
            Log.LogMessage(importance, "SessionHooks: installed the git hooks for session files in {0}", RepositoryRoot);
        }

        foreach (var line in result.Changes.Concat(result.Notes))
        {
            Log.LogMessage(importance, "SessionHooks: {0}", Safety.SafeText.Terminal(line));
        }

        if (result.ExistingHookLines.Count > 0)
        {
            // Messages, not warnings: builds that treat warnings as errors must still pass.
            Log.LogMessage(MessageImportance.High, "SessionHooks: {0}", HookInstaller.ExistingHookLinesHeading);
            foreach (var line in result.ExistingHookLines)
            {
                Log.LogMessage(MessageImportance.High, "SessionHooks:   {0}", Safety.SafeText.Terminal(line));
            }
        }
    }
}
