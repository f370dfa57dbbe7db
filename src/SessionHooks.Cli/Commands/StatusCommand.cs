using System.CommandLine;
using SessionHooks.Install;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the branch's session and whether the hooks are installed");
        command.SetAction(_ => CommandRunner.InRepository("status", context =>
        {
            var head = context.Git.Head;
            var current = context.Store.ReadCurrentSession();
            var sessions = context.Store.ReadAiSessions();
            Console.WriteLine($"Branch:   {SafeText.Terminal(head.Branch ?? "(detached HEAD)")}");
            if (current.Value is { } cur)
            {
                var registered = sessions.Value?.Find(cur.Metadata.SessionId);
                Console.WriteLine($"Session:  {SafeText.Terminal(cur.Metadata.SessionId)} — {SafeText.Terminal(cur.Metadata.MainTopic)}");
                Console.WriteLine($"Status:   {(registered is null ? "started (registered by the branch's first commit)" : registered.Status.ToString().ToLowerInvariant())}");
            }
            else
            {
                Console.WriteLine("Session:  none (run 'session recover')");
            }

            var install = HookInstaller.Inspect(context.WorktreeRoot);
            Console.WriteLine($"Hooks:    {(install is { Installed: true, Outdated: false, HooksFolderPresent: true } ? "installed" : "not installed or outdated (run 'session install')")}");
            foreach (var diagnostic in current.Diagnostics.Concat(sessions.Diagnostics))
            {
                Console.WriteLine(diagnostic.Render());
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
