using SessionHooks.Diagnostics;
using SessionHooks.Secrets;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

namespace SessionHooks.Cli;

/// <summary>Text typed by hand, checked for secrets before anything is written; the user is told what was redacted.</summary>
internal static class HandText
{
    public static string Clean(SessionContext context, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(what, $"the {what} is empty", $"give the {what} as an argument, in quotes"));
        }

        var redaction = SecretRedactor.Redact(text.Trim(), context.Config.SecretPatterns);
        if (redaction.Found)
        {
            Console.Error.WriteLine($"session: warning: redacted {string.Join(", ", redaction.Kinds)} from the {what} before writing it (secrets do not belong in committed files)");
        }

        return redaction.Text;
    }
}
