namespace SessionHooks.Diagnostics;

/// <summary>A kind of problem: its stable code, default severity and the fix that usually applies.</summary>
internal sealed record DiagnosticDescriptor(string Code, Severity DefaultSeverity, string Title, string Hint)
{
    public Diagnostic At(string file, int line, int column, string message, string? hint = null) =>
        new(Code, DefaultSeverity, file, line, column, message, hint ?? Hint);

    public Diagnostic ForFile(string file, string message, string? hint = null) => At(file, 0, 0, message, hint);
}
