using System.Text.RegularExpressions;

namespace SessionHooks.Testing;

/// <summary>
/// VS Code's built-in <c>$msCompile</c> problem matcher (src/vs/workbench/contrib/tasks/common/problemMatcher.ts):
/// the pattern, and its file location kind, absolute. A line it does not match, or whose file is not
/// an absolute path to a file that exists, never reaches the Problems panel as a link.
/// </summary>
public static partial class ProblemMatcher
{
    /// <summary>The pattern as VS Code defines it: file, location, severity, code, message.</summary>
    [GeneratedRegex(@"^\s*(?:\s*\d+>)?(\S.*?)(?:\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\))?\s*:\s+(?:(\S+)\s+)?((?:fatal +)?error|warning|info)\s+(\w+\d+)?\s*:\s*(.*)$")]
    public static partial Regex MsCompile();

    /// <summary>The problem lines (those naming a SessionHooks code) of some output.</summary>
    public static IEnumerable<string> SessionHooksLines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => SessionHooksCode().IsMatch(l));

    /// <summary>Why the line fails the matcher or names no existing file by absolute path; null when it does both.</summary>
    public static string? Problem(string line)
    {
        var match = MsCompile().Match(line);
        if (!match.Success)
        {
            return $"$msCompile does not match: {line}";
        }

        var file = match.Groups[1].Value;
        if (!match.Groups[2].Success)
        {
            return $"no (line,column) for a problem matcher to open: {line}";
        }

        return !Path.IsPathFullyQualified(file) ? $"the file is not an absolute path: {file}"
            : !File.Exists(file) ? $"the file does not exist: {file}"
            : null;
    }

    [GeneratedRegex(@"\b(?:error|warning) SH\d{4}:")]
    private static partial Regex SessionHooksCode();
}
