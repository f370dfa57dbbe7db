using SessionHooks.Diagnostics;

namespace SessionHooks.Hooks;

/// <summary>
/// What every hook program does around its work: honour SESSIONHOOKS=0 and HUSKY=0, open the
/// repository, print diagnostics one per line, and fail open — an internal failure of a hook
/// that is not meant to block is one warning line and exit 0. A hook that is meant to block
/// (pre-push) fails closed instead: the failure refuses, in one line that names it and the
/// deliberate bypass. Never a stack trace. A run that is not git's (a task-runner task started by
/// hand, see <see cref="HookCall"/>) does nothing and says so in one line, before anything is opened
/// or logged.
/// </summary>
internal static class HookHost
{
    /// <param name="call">The hook, its arguments and standard input, as the program received them.</param>
    /// <param name="failClosed">Refuse (exit 1) when the work fails, instead of warning and going on.</param>
    public static int Run(HookCall call, Func<SessionContext, HookOutcome> work, TextWriter? error = null, bool failClosed = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (IsDisabled())
        {
            return 0;
        }

        TextWriter Error() => error ??= Console.Error;
        var hookName = call.Hook;
        if (call.NotRunByGit() is { } reason)
        {
            Error().WriteLine($"SessionHooks {hookName}: not run by git ({reason}); nothing done");
            return 0;
        }

        if (call.ViaTaskRunner && HookFileRunsOwnLine(hookName) is { } hookFile)
        {
            // A hook file runs the task runner for every group (Husky.Net's 'dotnet husky add' default):
            // this hook's own line runs anyway, and this may not even be the hook git is running. Said
            // only outside git: in a hook it is expected.
            if (Environment.GetEnvironmentVariable("GIT_EXEC_PATH") is not { Length: > 0 })
            {
                Error().WriteLine($"SessionHooks {hookName}: {hookFile} runs SessionHooks' own line, so its task-runner task does nothing");
            }

            return 0;
        }

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
                return Failed(hookName, $"internal failure ({exception.GetType().Name}: {FirstLine(exception.Message)})", " Details in the log under .git/sessionhooks/logs/", failClosed, Error());
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
            return Failed(hookName, exception.Diagnostic.Render(), "", failClosed, Error());
        }
        catch (Exception exception)
        {
            return Failed(hookName, $"internal failure ({exception.GetType().Name}: {FirstLine(exception.Message)})", "", failClosed, Error());
        }
    }

    private static int Failed(string hookName, string failure, string details, bool failClosed, TextWriter error)
    {
        if (failClosed)
        {
            error.WriteLine($"SessionHooks {hookName}: push refused: {Safety.SafeText.Terminal(failure)};{details} fix it, or push without the checks: git push --no-verify");
            return 1;
        }

        error.WriteLine(details.Length > 0
            ? $"SessionHooks {hookName}: warning: {Safety.SafeText.Terminal(failure)}; continuing.{details}"
            : $"SessionHooks {hookName}: warning: {Safety.SafeText.Terminal(failure)}{(failure.StartsWith("internal", StringComparison.Ordinal) ? "; continuing." : "")}");
        return 0;
    }

    /// <summary>The hook's file (as git finds it) when it holds SessionHooks' own line; null when not, or when that cannot be told.</summary>
    private static string? HookFileRunsOwnLine(string hookName)
    {
        try
        {
            using var git = Git.GitRepository.Open(Environment.CurrentDirectory);
            if (git.WorktreeRoot is not { } root)
            {
                return null;
            }

            var location = Install.HooksLocation.Resolve(root, git.CommonDir);
            var file = Path.Combine(location.Folder, hookName);
            return File.Exists(file) && Install.HookScript.HasOurLine(File.ReadAllText(file)) ? Install.HooksLocation.DisplayPath(root, file) : null;
        }
        catch (Exception exception) when (exception is SessionHooksException or IOException or UnauthorizedAccessException)
        {
            return null;
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
