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
            var view = Store.RecordView.Read(context.Store);
            Console.WriteLine($"Branch:   {SafeText.Terminal(head.Branch ?? "(detached HEAD)")}");
            if (current.Value is { } cur)
            {
                var session = view.Find(cur.Metadata.SessionId);
                Console.WriteLine($"Session:  {SafeText.Terminal(cur.Metadata.SessionId)} — {SafeText.Terminal(cur.Metadata.MainTopic)}");
                Console.WriteLine($"Status:   {(session is null ? "unknown (run 'session recover')" : Workflows.Names.Of(session.Status))}{(view.IsCommitted(cur.Metadata.SessionId) ? "" : " (recorded by the branch's next commit)")}");
                var pending = view.PendingOf(cur.Metadata.SessionId);
                if (pending is { IsEmpty: false })
                {
                    Console.WriteLine($"Pending:  {pending.Entries.Count} entr{(pending.Entries.Count == 1 ? "y" : "ies")}{(pending.ChangedByHand ? " and session changes" : "")}, recorded by the next commit");
                }
            }
            else
            {
                Console.WriteLine("Session:  none (run 'session recover')");
            }

            var install = HookInstaller.Inspect(context.WorktreeRoot);
            Console.WriteLine($"Hooks:    {(install is { Installed: true, Outdated: false, HooksFolderPresent: true } ? "installed" : "not installed or outdated (run 'session install')")}");
            foreach (var diagnostic in current.Diagnostics.Concat(view.Problems))
            {
                Console.WriteLine(diagnostic.Render());
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
