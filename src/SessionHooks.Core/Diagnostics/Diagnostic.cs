namespace SessionHooks.Diagnostics;

internal enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in a session file or in the repository's state, at a place a person (or an
/// IDE) can jump to. <see cref="Line"/> and <see cref="Column"/> are 1-based; 0 means "the whole file".
/// </summary>
internal sealed record Diagnostic(
    string Code,
    Severity Severity,
    string File,
    int Line,
    int Column,
    string Message,
    string? Hint = null)
{
    /// <summary>The canonical form: <c>file(line,col): error SH1234: message (fix: hint)</c>.</summary>
    public string Render()
    {
        var location = Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        var severity = Severity == Severity.Error ? "error" : "warning";
        var hint = string.IsNullOrEmpty(Hint) ? "" : $" (fix: {Hint})";
        return $"{location}: {severity} {Code}: {OneLine(Message)}{OneLine(hint)}";
    }

    public override string ToString() => Render();

    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };

    /// <summary>Diagnostics are single lines: control characters from hostile input are shown escaped.</summary>
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
