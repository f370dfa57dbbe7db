using SessionHooks.Diagnostics;

namespace SessionHooks.Hooks;

/// <summary>How a hook run ended: what to tell the user and whether git may go on.</summary>
internal sealed record HookOutcome(bool Blocks, string Summary, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static HookOutcome Done(string summary) => new(false, summary, []);

    public static HookOutcome Skipped(string why) => new(false, "skipped: " + why, []);

    public static HookOutcome Warn(IReadOnlyList<Diagnostic> diagnostics) =>
        new(false, "", [.. diagnostics.Select(d => d.WithSeverity(Severity.Warning))]);

    public static HookOutcome Refuse(string summary, IReadOnlyList<Diagnostic> diagnostics) => new(true, summary, diagnostics);
}
