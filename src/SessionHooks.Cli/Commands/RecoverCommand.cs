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
        var command = new Command("recover", "Bring the session files back in step with git without losing information") { dryRun, noCommit };
        command.SetAction(result => CommandRunner.InRepository("recover", context =>
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
}
