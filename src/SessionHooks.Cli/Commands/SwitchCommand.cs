using System.CommandLine;
using SessionHooks.Workflows;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class SwitchCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("session") { Description = "A session id, or a branch whose open session to resume" };
        var command = new Command("switch", "Make another open session of the checked-out branch current (never checks anything out)") { target };
        command.SetAction(result => CommandRunner.InRepository("switch", context =>
        {
            var session = SessionLifecycle.Switch(context, result.GetValue(target)!);
            Console.WriteLine($"Current session: {SafeText.Terminal(session.Id)} — {SafeText.Terminal(session.Title)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
