using System.CommandLine;
using SessionHooks.Workflows;
using SessionHooks.Records;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class StartCommand
{
    public static Command Create()
    {
        var title = new Option<string?>("--title") { Description = "The session's main topic, in a line" };
        var type = new Option<string>("--type") { Description = "development, user, system or integration", DefaultValueFactory = _ => "development" };
        var issue = new Option<string[]>("--issue") { Description = "A linked issue (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("start", "Start a new session on the checked-out branch and make it current (closes nothing)") { title, type, issue };
        command.SetAction(result => CommandRunner.InRepository("start", context =>
        {
            var sessionType = Choices.Parse<SessionType>(result.GetValue(type), "type");
            var topic = result.GetValue(title) is { } given ? HandText.Clean(context, given, "title") : null;
            var issues = (result.GetValue(issue) ?? []).Select(i => HandText.Clean(context, i, "issue")).ToList();
            var session = SessionLifecycle.Start(context, topic, sessionType, issues);
            Console.WriteLine($"Started session {session.Id} on {SafeText.Terminal(session.Branch ?? "(detached HEAD)")}: {SafeText.Terminal(session.Title)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
