using System.CommandLine;
using SessionHooks.Workflows;

namespace SessionHooks.Cli.Commands;

internal static class JournalCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Where to write it, relative to the current folder", DefaultValueFactory = _ => "SESSION_JOURNAL.md" };
        var command = new Command("journal", "Write the sessions as a Markdown journal for people (SESSION_JOURNAL.md)") { output };
        command.SetAction(result => CommandRunner.InRepository("journal", context =>
        {
            var records = SessionRecords.Read(context);
            var path = Path.GetFullPath(result.GetValue(output)!);
            File.WriteAllText(path, JournalMarkdown.Render(context.Git, records.Sessions, records.View.AllEntries(), context.Now));
            Console.WriteLine($"Wrote {path} ({records.Sessions.Sessions.Count} sessions)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
