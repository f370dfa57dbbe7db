using SessionHooks.Diagnostics;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Cli;

/// <summary>Opens the repository for a command and turns failures into one line and exit code 2, never a stack trace.</summary>
internal static class CommandRunner
{
    public static int InRepository(string component, Func<SessionContext, int> work)
    {
        try
        {
            using var context = SessionContext.Open(Environment.CurrentDirectory, component);
            return work(context);
        }
        catch (SessionHooksException exception)
        {
            Console.Error.WriteLine(exception.Diagnostic.Render());
            return ExitCodes.UsageOrEnvironment;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"session {component}: error: {exception.Message}");
            return ExitCodes.UsageOrEnvironment;
        }
    }
}
