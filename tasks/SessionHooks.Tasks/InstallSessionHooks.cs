using Microsoft.Build.Framework;
using SessionHooks.Install;

namespace SessionHooks.Tasks;

/// <summary>
/// Installs the hooks into the clone being built, pointing them at the package's hooks folder.
/// Idempotent: a build that finds everything in place changes nothing and says so quietly.
/// </summary>
public sealed class InstallSessionHooks : SessionHooksTask
{
    [Required]
    public string RepositoryRoot { get; set; } = "";

    /// <summary>The folder holding the hook programs and the <c>session</c> CLI.</summary>
    [Required]
    public string HooksFolder { get; set; } = "";

    /// <summary>True when this run changed anything.</summary>
    [Output]
    public bool Changed { get; private set; }

    protected override void ExecuteCore()
    {
        var result = HookInstaller.Install(FullPath(RepositoryRoot, nameof(RepositoryRoot)), FullPath(HooksFolder, nameof(HooksFolder)));
        Changed = result.Changed;
        var importance = Changed ? MessageImportance.High : MessageImportance.Low;
        if (Changed)
        {
            Log.LogMessage(importance, "SessionHooks: installed the git hooks for session files in {0}", RepositoryRoot);
        }

        foreach (var line in result.Changes.Concat(result.Notes))
        {
            Log.LogMessage(importance, "SessionHooks: {0}", line);
        }
    }
}
