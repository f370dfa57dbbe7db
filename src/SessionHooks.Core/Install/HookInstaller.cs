using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Safety;

namespace SessionHooks.Install;

/// <summary>
/// <c>session install</c> and <c>session uninstall</c>: wires SessionHooks into a clone (hook files
/// in Husky.Net's format, task-runner.json, core.hooksPath, the merge driver, ignore lines, offline
/// schemas) and takes out exactly that again. Both are idempotent.
/// </summary>
internal static class HookInstaller
{
    /// <summary>What to print above <see cref="InstallResult.ExistingHookLines"/>.</summary>
    public const string ExistingHookLinesHeading = ExistingHookLines.Heading;

    /// <summary>Installs into the clone holding <paramref name="worktreeRoot"/>.</summary>
    /// <param name="hooksFolder">The folder holding the hook programs and the CLI; kept in the clone's local git config.</param>
    public static InstallResult Install(string worktreeRoot, string hooksFolder, InstallOptions? options = null)
    {
        var repository = RepositoryPaths.Resolve(worktreeRoot);
        var folder = NativeHooks.Choose(Path.TrimEndingDirectorySeparator(Path.GetFullPath(hooksFolder)));
        var plan = InstallSteps.Plan(repository, folder);
        AssistantSteps.Add(plan, options?.Assistants ?? []);
        return plan.Finish(options?.DryRun ?? false);
    }

    /// <summary>Removes what install added, leaving every line, task and setting of the user's.</summary>
    public static InstallResult Uninstall(string worktreeRoot, InstallOptions? options = null) =>
        RemovalSteps.Plan(RepositoryPaths.Resolve(worktreeRoot)).Finish(options?.DryRun ?? false);

    /// <summary>Whether the clone is installed, up to date, and its hooks folder holds the programs.</summary>
    public static InstallStatus Inspect(string worktreeRoot)
    {
        var repository = RepositoryPaths.Resolve(worktreeRoot);
        var hooksFolder = GitConfig.Get(repository.Root, InstallLayout.HooksDirKey);
        if (string.IsNullOrEmpty(hooksFolder))
        {
            return new InstallStatus(false, false, false, null, []);
        }

        var present = InstallLayout.Programs.All(p => HasProgram(hooksFolder, p));
        try
        {
            var installed = OwnedPath.InWorktree(repository.Root, LauncherScript.RepoPath).Exists();
            var pending = InstallSteps.Plan(repository, hooksFolder).Finish(dryRun: true).Changes;
            return new InstallStatus(installed, installed && pending.Count > 0, present, hooksFolder, pending);
        }
        catch (SessionHooksException refused)
        {
            // Install would stop here too: report it as not installed, with the reason.
            return new InstallStatus(false, false, present, hooksFolder, [refused.Diagnostic.Render()]);
        }
    }

    /// <summary>
    /// Run as the task-runner task <c>sessionhooks-recover</c>: whether to recover, that is whether the
    /// task runner was asked for it (<c>dotnet husky run --group session-recover</c>). A plain
    /// <c>dotnet husky run</c> runs every task, often from a hook or to run one's lint tasks;
    /// recovering then would make a commit nobody asked for. <paramref name="message"/> says why not,
    /// in one line, unless a git hook runs the task runner: there it is expected, and stays quiet.
    /// </summary>
    public static bool ShouldRecoverAsTask(out string? message)
    {
        var request = TaskRunnerCall.Request(TaskRunnerFile.RecoverGroup, TaskRunnerFile.RecoverTask);
        message = request switch
        {
            TaskRunnerRequest.AskedFor => null,
            _ when Environment.GetEnvironmentVariable("GIT_EXEC_PATH") is { Length: > 0 } => null,
            TaskRunnerRequest.NotAskedFor =>
                $"SessionHooks {TaskRunnerFile.RecoverGroup}: the task runner was not asked for this group, so nothing was recovered; " +
                $"run 'dotnet husky run --group {TaskRunnerFile.RecoverGroup}' or 'session recover'",
            _ => $"SessionHooks {TaskRunnerFile.RecoverGroup}: could not read the task runner's command line to see that it was asked for this group, " +
                "so nothing was recovered; run 'session recover'",
        };
        return request == TaskRunnerRequest.AskedFor;
    }

    /// <summary>
    /// The program is there as an executable or as a <c>.dll</c> for <c>dotnet</c>, as the launcher runs it;
    /// the <c>session</c> CLI may also be in the folder above a native one (<see cref="NativeHooks"/>).
    /// </summary>
    internal static bool HasProgram(string hooksFolder, string program) =>
        File.Exists(Path.Combine(hooksFolder, program)) || File.Exists(Path.Combine(hooksFolder, program + ".dll"))
        || (program == "session" && NativeHooks.IsNativeFolder(hooksFolder) && HasProgram(Path.GetDirectoryName(hooksFolder)!, program));
}
