using SessionHooks.Diagnostics;

namespace SessionHooks.Hooks;

/// <summary>
/// What every hook program does around its work: honour SESSIONHOOKS=0 and HUSKY=0, open the
/// repository, print diagnostics one per line, and fail open — an internal failure of a hook
/// that is not meant to block is one warning line and exit 0. A hook that is meant to block
/// (pre-push) fails closed instead: an internal failure refuses, naming <c>--no-verify</c> as the
/// deliberate bypass. Never a stack trace.
/// </summary>
public static class HookHost
{
    public static int Run(string hookName, Func<SessionContext, HookOutcome> work, TextWriter? error = null) =>
        Run(hookName, work, failClosed: false, error);

    public static int Run(string hookName, Func<SessionContext, HookOutcome> work, bool failClosed, TextWriter? error = null)
    {
        if (IsDisabled())
        {
            return 0;
        }

        TextWriter Error() => error ??= Console.Error;

        try
        {
            using var context = SessionContext.Open(Environment.CurrentDirectory, hookName);
            HookOutcome outcome;
            try
            {
                outcome = work(context);
            }
            catch (Exception exception) when (exception is not SessionHooksException)
            {
                context.Log.Error(exception, "{Hook} failed", hookName);
                return Failed(Error(), hookName, $"internal failure ({exception.GetType().Name}: {FirstLine(exception.Message)})", failClosed);
            }

            foreach (var diagnostic in outcome.Diagnostics)
            {
                Error().WriteLine(diagnostic.Render());
            }

            if (outcome.Blocks)
            {
                Error().WriteLine($"SessionHooks {hookName}: {outcome.Summary}");
                return 1;
            }

            return 0;
        }
        catch (SessionHooksException exception)
        {
            return Failed(Error(), hookName, exception.Diagnostic.Render(), failClosed);
        }
        catch (Exception exception)
        {
            return Failed(Error(), hookName, $"internal failure ({exception.GetType().Name}: {FirstLine(exception.Message)})", failClosed);
        }
    }

    private static int Failed(TextWriter error, string hookName, string what, bool failClosed)
    {
        if (failClosed)
        {
            error.WriteLine($"SessionHooks {hookName}: error: {what}; refusing, since the check could not be made (details in the log under .git/sessionhooks/logs/; 'git push --no-verify' bypasses the check deliberately)");
            return 1;
        }

        error.WriteLine($"SessionHooks {hookName}: warning: {what}; continuing (details in the log under .git/sessionhooks/logs/)");
        return 0;
    }

    public static bool IsDisabled() =>
        Environment.GetEnvironmentVariable("SESSIONHOOKS") == "0" || Environment.GetEnvironmentVariable("HUSKY") == "0";

    private static string FirstLine(string text)
    {
        var cut = text.IndexOfAny(['\r', '\n']);
        return cut < 0 ? text : text[..cut];
    }
}
