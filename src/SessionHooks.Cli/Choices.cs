using SessionHooks.Diagnostics;
using SessionHooks.Workflows;

namespace SessionHooks.Cli;

/// <summary>Reads a word the user typed as one of an enumeration's names, or stops with the list of valid ones.</summary>
internal static class Choices
{
    public static T Parse<T>(string? text, string what, IReadOnlyList<string>? allowed = null)
        where T : struct, Enum
    {
        var names = allowed ?? Names.All<T>();
        if (Names.TryParse<T>(text, out var value) && names.Contains(Names.Of(value)))
        {
            return value;
        }

        throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(what,
            $"'{text}' is not a {what}", $"use one of: {string.Join(", ", names)}"));
    }
}
