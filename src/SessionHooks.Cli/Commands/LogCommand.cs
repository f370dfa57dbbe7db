using System.CommandLine;
using SessionHooks.Workflows;
using SessionHooks.Records;

namespace SessionHooks.Cli.Commands;

internal static class LogCommand
{
    public static Command Create()
    {
        var kinds = Names.All<WorklogKind>().Where(k => WorklogWriter.HandKinds.Any(h => Names.Of(h) == k)).ToList();
        var kind = new Argument<string>("kind") { Description = "What the entry is: " + string.Join(", ", kinds) };
        var text = new Argument<string>("text") { Description = "The entry, in quotes" };
        var priority = new Option<string>("--priority") { Description = "For tasks and ideas: high, medium or low", DefaultValueFactory = _ => "medium" };
        var command = new Command("log", "Add an entry to the session's worklog (tasks and ideas also go to its backlog)") { kind, text, priority };
        command.SetAction(result => CommandRunner.InRepository("log", context =>
        {
            var entryKind = Choices.Parse<WorklogKind>(result.GetValue(kind), "kind", kinds);
            var level = Choices.Parse<Priority>(result.GetValue(priority), "priority");
            var clean = HandText.Clean(context, result.GetValue(text), "text");
            var entry = WorklogWriter.Log(context, entryKind, clean, level);
            Console.WriteLine($"Logged {Names.Of(entry.Kind)} {entry.Id} in session {entry.Session}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
