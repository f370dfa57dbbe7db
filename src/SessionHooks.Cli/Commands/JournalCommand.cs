using System.CommandLine;
using SessionHooks.Workflows;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class JournalCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Where to write it, relative to the current folder; inside the repository, never through a symbolic link", DefaultValueFactory = _ => "SESSION_JOURNAL.md" };
        var command = new Command("journal", "Write the sessions as a Markdown journal for people (SESSION_JOURNAL.md)") { output };
        command.SetAction(result => CommandRunner.InRepository("journal", context =>
        {
            var records = SessionRecords.Read(context);
            var path = OwnedPath.InWorktree(context.WorktreeRoot, Path.GetRelativePath(context.WorktreeRoot, Path.GetFullPath(result.GetValue(output)!)));
            path.Verify();
            // Archived sessions too: the journal is the whole history.
            var sessions = records.View.AllSessions();
            path.WriteAtomic(JournalMarkdown.Render(context.Git, sessions, records.View.AllEntries(), context.Now));
            Console.WriteLine($"Wrote {SafeText.Terminal(path.FullPath)} ({sessions.Count} sessions)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
