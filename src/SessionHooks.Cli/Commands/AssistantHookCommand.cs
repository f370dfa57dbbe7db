using System.CommandLine;
using SessionHooks.Assistants;
using SessionHooks.Diagnostics;

namespace SessionHooks.Cli.Commands;

/// <summary>
/// <c>session assistant-hook &lt;assistant&gt;</c>: what the hooks <c>install --assistant</c> writes run
/// (docs/assistants.md). It must never get in the assistant's way: every failure is one line on
/// stderr and exit 0 (Claude Code blocks a prompt on exit 2 and shows other codes as errors).
/// </summary>
internal static class AssistantHookCommand
{
    public static Command Create()
    {
        var assistant = new Argument<string>("assistant") { Description = "Which assistant's hook input is on stdin: claude" };
        var command = new Command("assistant-hook", "Run an assistant's hook: reads its JSON on stdin (used by the hooks 'install --assistant' writes)") { assistant };
        command.Hidden = true;
        command.SetAction(result =>
        {
            var name = result.GetValue(assistant)!;

            // An unknown name is refused below; it never goes into the line on stderr as it is.
            var label = AssistantHooks.Known.Contains(name) ? name : "assistant";
            try
            {
                var input = AssistantHookInput.Parse(ReadInput(), out var problem)
                    ?? throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("stdin", problem, "the assistant sends its hook input as one JSON object"));
                using var context = SessionContext.Open(WorkingFolder(input), "assistant-hook");
                if (AssistantHooks.Run(context, name, input) is { } output)
                {
                    Console.Out.Write(output);
                }
            }
            catch (SessionHooksException exception)
            {
                Console.Error.WriteLine($"SessionHooks ({label} hook): {exception.Diagnostic.Render()}");
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Never a stack trace in the assistant's window: the message says enough to report it.
                Console.Error.WriteLine($"SessionHooks ({label} hook): internal error: {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static byte[] ReadInput()
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stdin.Read(chunk)) > 0 && buffer.Length < AssistantHookInput.MaxBytes)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The folder the assistant works in: the event's <c>cwd</c>, else the project folder it names, else ours.</summary>
    private static string WorkingFolder(AssistantHookInput input) =>
        new[] { input.Cwd, Environment.GetEnvironmentVariable("CLAUDE_PROJECT_DIR") }.FirstOrDefault(d => !string.IsNullOrEmpty(d) && Directory.Exists(d))
        ?? Environment.CurrentDirectory;
}
