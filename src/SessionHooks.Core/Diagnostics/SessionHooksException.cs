namespace SessionHooks.Diagnostics;

/// <summary>
/// A failure the user can act on, carrying its diagnostic. The engine throws only this (or
/// returns diagnostics); hooks and the CLI print <see cref="Diagnostic"/> and never a stack trace.
/// </summary>
internal sealed class SessionHooksException : Exception
{
    public SessionHooksException(Diagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.Render(), inner) => Diagnostic = diagnostic;

    public SessionHooksException()
        : this(DiagnosticCatalog.InternalError.ForFile("sessionhooks", "unexpected failure"))
    {
    }

    public SessionHooksException(string message)
        : this(DiagnosticCatalog.InternalError.ForFile("sessionhooks", message))
    {
    }

    public SessionHooksException(string message, Exception inner)
        : this(DiagnosticCatalog.InternalError.ForFile("sessionhooks", message), inner)
    {
    }

    public Diagnostic Diagnostic { get; }
}
