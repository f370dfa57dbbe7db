using System.CommandLine;
using SessionHooks.Workflows;
using SessionHooks.Records;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class EndCommand
{
    public static Command Create()
    {
        var summary = new Option<string>("--summary") { Description = "What the session did, in a few lines", Required = true };
        var status = new Option<string>("--status") { Description = "completed, handoff or abandoned", DefaultValueFactory = _ => "completed" };
        var command = new Command("end", "Close the branch's session; its open tasks and ideas carry over to the next session of the branch") { summary, status };
        command.SetAction(result => CommandRunner.InRepository("end", context =>
        {
            var ending = Choices.Parse<SessionStatus>(result.GetValue(status), "status", ["completed", "handoff", "abandoned"]);
            var text = HandText.Clean(context, result.GetValue(summary), "summary");
            var session = SessionLifecycle.End(context, text, ending);
            var open = session.Backlog.Count(b => !b.Done);
            Console.WriteLine($"Ended session {session.Id} as {Names.Of(session.Status)}; {open} open backlog item(s) carry over to the next session of {SafeText.Terminal(session.Branch ?? "this HEAD")}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
