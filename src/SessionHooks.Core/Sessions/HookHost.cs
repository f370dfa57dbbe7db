using SessionHooks.Diagnostics;

namespace SessionHooks.Sessions;

/// <summary>
/// What every hook program does around its work: honour SESSIONHOOKS=0 and HUSKY=0, open the
/// repository, print diagnostics one per line, and fail open — an internal failure of a hook
/// that is not meant to block is one warning line and exit 0. Never a stack trace.
/// </summary>
public static class HookHost
{
    public static int Run(string hookName, Func<SessionContext, HookOutcome> work, TextWriter? error = null)
    {
        if (IsDisabled())
        {
            return 0;
        }

        Formats.SessionJson.PrepareInBackground();

        // Made on first use: setting up the console costs a hook about 6 ms, and a hook that
        // succeeds prints nothing.
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
                // As text, so the log's secret redaction sees the message too.
                context.Log.Error("{Hook} failed: {Failure}", hookName, exception.ToString());
                Error().WriteLine($"SessionHooks {hookName}: warning: internal failure ({exception.GetType().Name}: {FirstLine(exception.Message)}); continuing. Details in the log under .git/sessionhooks/logs/");
                return 0;
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
            Error().WriteLine($"SessionHooks {hookName}: warning: {exception.Diagnostic.Render()}");
            return 0;
        }
        catch (Exception exception)
        {
            Error().WriteLine($"SessionHooks {hookName}: warning: internal failure ({exception.GetType().Name}: {FirstLine(exception.Message)}); continuing.");
            return 0;
        }
    }

    public static bool IsDisabled() =>
        Environment.GetEnvironmentVariable("SESSIONHOOKS") == "0" || Environment.GetEnvironmentVariable("HUSKY") == "0";

    private static string FirstLine(string text)
    {
        var cut = text.IndexOfAny(['\r', '\n']);
        return cut < 0 ? text : text[..cut];
    }
}
