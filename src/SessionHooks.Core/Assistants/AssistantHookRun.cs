using SessionHooks.Diagnostics;

namespace SessionHooks.Assistants;

/// <summary>
/// One run of an assistant's hook, as the hook lines <c>install --assistant</c> writes start it
/// (docs/assistants.md): the event's JSON on stdin, what the assistant adds to the conversation on
/// stdout. It must never get in the assistant's way: every failure is one line on stderr and exit 0
/// (Claude Code blocks a prompt on exit 2 and shows other codes as errors).
/// </summary>
internal static class AssistantHookRun
{
    public static int Run(string assistant, Stream input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // An unknown name is refused by AssistantHooks.Run; it never goes into the line on stderr as it is.
        var label = AssistantHooks.Known.Contains(assistant) ? assistant : "assistant";
        try
        {
            var hookInput = AssistantHookInput.Parse(Read(input), out var problem)
                ?? throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("stdin", problem, "the assistant sends its hook input as one JSON object"));
            using var context = SessionContext.Open(WorkingFolder(hookInput), "assistant-hook");
            if (AssistantHooks.Run(context, assistant, hookInput) is { } text)
            {
                output.Write(text);
            }
        }
        catch (SessionHooksException exception)
        {
            error.WriteLine($"SessionHooks ({label} hook): {exception.Diagnostic.Render()}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Never a stack trace in the assistant's window: the message says enough to report it.
            error.WriteLine($"SessionHooks ({label} hook): internal error: {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
        }

        return 0;
    }

    private static byte[] Read(Stream input)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk)) > 0 && buffer.Length < AssistantHookInput.MaxBytes)
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
