using System.CommandLine;
using SessionHooks.Install;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class InstallCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change and change nothing" };
        var hooksDir = new Option<string?>("--hooks-dir") { Description = "The folder holding the hook programs (default: the folder of this command)" };
        var assistant = new Option<string[]>("--assistant") { Description = "Also wire in an assistant (repeatable): claude (hooks in .claude/settings.json), agents, codex or cursor (AGENTS.md), copilot (.github/copilot-instructions.md), gemini (GEMINI.md)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("install", "Install the git hooks, task-runner.json tasks, merge driver, ignore lines and schema copies (idempotent)") { dryRun, hooksDir, assistant };
        command.SetAction(result => CommandRunner.InRepository("install", context =>
        {
            var folder = result.GetValue(hooksDir) ?? HooksFolder.Locate(context.WorktreeRoot);
            if (folder is null || !File.Exists(Path.Combine(folder, "sessionhooks-pre-commit.dll")))
            {
                Console.Error.WriteLine("session install: error: the hook programs were not found (fix: pass --hooks-dir <folder holding sessionhooks-pre-commit.dll>)");
                return ExitCodes.UsageOrEnvironment;
            }

            var installed = HookInstaller.Install(context.WorktreeRoot, Path.GetFullPath(folder), new InstallOptions(result.GetValue(dryRun), result.GetValue(assistant) ?? []));
            foreach (var line in installed.Changes.Concat(installed.Notes))
            {
                Console.WriteLine(SafeText.Terminal(line));
            }

            if (installed.ExistingHookLines.Count > 0)
            {
                Console.WriteLine(HookInstaller.ExistingHookLinesHeading);
                foreach (var line in installed.ExistingHookLines)
                {
                    Console.WriteLine("  " + SafeText.Terminal(line));
                }
            }

            if (installed.Changes.Count == 0)
            {
                Console.WriteLine("SessionHooks is installed; nothing changed.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command CreateUninstall()
    {
        var command = new Command("uninstall", "Remove exactly what install added, keeping everything of yours");
        command.SetAction(_ => CommandRunner.InRepository("uninstall", context =>
        {
            var removed = HookInstaller.Uninstall(context.WorktreeRoot);
            foreach (var change in removed.Changes.Concat(removed.Notes))
            {
                Console.WriteLine(SafeText.Terminal(change));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
