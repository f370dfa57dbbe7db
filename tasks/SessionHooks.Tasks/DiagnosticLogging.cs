using System.Text;
using Microsoft.Build.Utilities;
using SessionHooks.Diagnostics;

namespace SessionHooks.Tasks;

/// <summary>
/// Logs a <see cref="Diagnostic"/> as a real MSBuild error or warning, so the build prints
/// <c>file(line,col): error SHnnnn: message</c> and an IDE lists it at that place.
/// </summary>
internal static class DiagnosticLogging
{
    public static void LogDiagnostic(this TaskLoggingHelper log, Diagnostic diagnostic)
    {
        var message = OneLine(string.IsNullOrEmpty(diagnostic.Hint) ? diagnostic.Message : $"{diagnostic.Message} (fix: {diagnostic.Hint})");
        // A problem of the whole file points at its start, as `session validate` prints it: every
        // line of the build then has the file(line,col) form problem matchers and error lists read.
        var (line, column) = diagnostic.Line > 0 ? (diagnostic.Line, Math.Max(diagnostic.Column, 1)) : (1, 1);
        if (diagnostic.Severity == Severity.Error)
        {
            log.LogError(null, diagnostic.Code, null, diagnostic.File, line, column, 0, 0, message);
        }
        else
        {
            log.LogWarning(null, diagnostic.Code, null, diagnostic.File, line, column, 0, 0, message);
        }
    }

    /// <summary>Text from hostile files must not break the one-line form build tools parse.</summary>
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
