using System.CommandLine;
using SessionHooks.Diagnostics;
using SessionHooks.Install;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class RecoverCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing" };
        var noCommit = new Option<bool>("--no-commit") { Description = "Leave the repaired session files uncommitted" };
        // Set by the task-runner.json task: recover only when the task runner was asked for it.
        var taskRunner = new Option<bool>("--task-runner") { Hidden = true };
        var command = new Command("recover", "Bring the session files back in step with git without losing information") { dryRun, noCommit, taskRunner };
        command.SetAction(result => SkippedAsTask(result.GetValue(taskRunner)) ?? CommandRunner.InRepository("recover", context =>
        {
            var options = new RecoveryOptions(DryRun: result.GetValue(dryRun), Commit: !result.GetValue(noCommit));
            var hooks = HooksFolder.Locate(context.WorktreeRoot);
            if (hooks is not null && HookInstaller.Inspect(context.WorktreeRoot) is { Installed: false } or { Outdated: true } or { HooksFolderPresent: false })
            {
                try
                {
                    var installed = HookInstaller.Install(context.WorktreeRoot, hooks, new InstallOptions(options.DryRun));
                    foreach (var change in installed.Changes)
                    {
                        Console.WriteLine((options.DryRun ? "would: " : "") + SafeText.Terminal(change));
                    }
                }
                catch (SessionHooksException refused)
                {
                    // The hooks cannot be installed here; the session files can still be recovered.
                    Console.Error.WriteLine(refused.Diagnostic.WithSeverity(Severity.Warning).Render());
                }
            }

            var report = Recovery.Run(context, options);
            foreach (var step in report.Steps)
            {
                Console.WriteLine((options.DryRun ? "would: " : "") + SafeText.Terminal(step));
            }

            if (report.Steps.Count == 0)
            {
                Console.WriteLine("Everything is in step; nothing to recover.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Exit code 0 when run as a task the task runner was not asked for (saying why, unless a hook runs it); otherwise null.</summary>
    private static int? SkippedAsTask(bool asTask)
    {
        if (!asTask || HookInstaller.ShouldRecoverAsTask(out var why))
        {
            return null;
        }

        if (why is not null)
        {
            Console.Error.WriteLine(why);
        }

        return ExitCodes.Ok;
    }
}
