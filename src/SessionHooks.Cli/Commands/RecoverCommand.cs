using System.CommandLine;
using SessionHooks.Install;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Cli.Commands;

internal static class RecoverCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing" };
        var noCommit = new Option<bool>("--no-commit") { Description = "Leave the repaired session files uncommitted" };
        var command = new Command("recover", "Bring the session files back in step with git without losing information") { dryRun, noCommit };
        command.SetAction(result => CommandRunner.InRepository("recover", context =>
        {
            var options = new RecoveryOptions(DryRun: result.GetValue(dryRun), Commit: !result.GetValue(noCommit));
            var hooks = HooksFolder.Locate(context.WorktreeRoot);
            if (hooks is not null && HookInstaller.Inspect(context.WorktreeRoot) is { Installed: false } or { Outdated: true } or { HooksFolderPresent: false })
            {
                var installed = HookInstaller.Install(context.WorktreeRoot, hooks, new InstallOptions(options.DryRun));
                foreach (var change in installed.Changes)
                {
                    Console.WriteLine((options.DryRun ? "would: " : "") + change);
                }
            }

            var report = Recovery.Run(context, options);
            foreach (var step in report.Steps)
            {
                Console.WriteLine((options.DryRun ? "would: " : "") + step);
            }

            if (report.Steps.Count == 0)
            {
                Console.WriteLine("Everything is in step; nothing to recover.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
