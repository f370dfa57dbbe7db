namespace SessionHooks.Install;

/// <summary>Options for <see cref="HookInstaller.Install"/>.</summary>
/// <param name="DryRun">Work out and report every change, write nothing.</param>
/// <param name="Assistants">Assistants to wire in too (<c>--assistant</c>): claude, agents, codex, cursor, copilot, gemini.</param>
internal sealed record InstallOptions(bool DryRun = false, IReadOnlyList<string>? Assistants = null);

/// <summary>
/// What install or uninstall changed (or, in a dry run, would change), one line each, and what
/// the user should know without anything having changed (a hooks folder kept, a file left alone).
/// </summary>
internal sealed record InstallResult(IReadOnlyList<string> Changes, IReadOnlyList<string> Notes, bool DryRun)
{
    public bool Changed => Changes.Count > 0;

    /// <summary>
    /// Commands already in the repository's hook files that this install makes git run (it points
    /// core.hooksPath at them), as <c>file:line: command</c>: what the user accepts by installing.
    /// </summary>
    public IReadOnlyList<string> ExistingHookLines { get; init; } = [];
}

/// <summary>The state of the installation in one clone, for <c>session status</c> and <c>session recover</c>.</summary>
/// <param name="Installed">The clone has a hooks folder configured and the launcher in place.</param>
/// <param name="Outdated">Installed, but install would change something (the pending changes say what).</param>
/// <param name="HooksFolderPresent">The configured hooks folder exists and holds every SessionHooks program.</param>
/// <param name="HooksFolder">The configured hooks folder, or null.</param>
/// <param name="PendingChanges">What <c>session install</c> would change now.</param>
internal sealed record InstallStatus(bool Installed, bool Outdated, bool HooksFolderPresent, string? HooksFolder, IReadOnlyList<string> PendingChanges);
