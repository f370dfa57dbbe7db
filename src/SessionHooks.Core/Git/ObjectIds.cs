namespace SessionHooks.Git;

/// <summary>Object names as git prints them, for SHA-1 (40 hex digits) and SHA-256 (64) repositories.</summary>
public static class ObjectIds
{
    /// <summary>The all-zero name git uses for "no object": a new ref in pre-push, a deleted one.</summary>
    public static bool IsZero(string? oid) =>
        oid is { Length: 40 or 64 } && oid.All(c => c == '0');
}
