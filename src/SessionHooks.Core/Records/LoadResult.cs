using SessionHooks.Diagnostics;

namespace SessionHooks.Records;

/// <summary>
/// A session file as read: the typed value when it could be read, and every diagnostic found.
/// A missing file is not an error: <see cref="Exists"/> is false and <see cref="Value"/> null.
/// </summary>
internal sealed record LoadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics, bool Exists = true)
    where T : class
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

internal static class LoadResult
{
    public static LoadResult<T> Missing<T>()
        where T : class => new(null, [], Exists: false);
}
