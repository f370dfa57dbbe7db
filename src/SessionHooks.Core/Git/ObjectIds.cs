namespace SessionHooks.Git;

/// <summary>Object names as git prints them, for SHA-1 (40 hex digits) and SHA-256 (64) repositories.</summary>
internal static class ObjectIds
{
    /// <summary>The all-zero name git uses for "no object": a new ref in pre-push, a deleted one.</summary>
    public static bool IsZero(string? oid) =>
        oid is { Length: 40 or 64 } && oid.All(c => c == '0');

    /// <summary>A full object name: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.</summary>
    public static bool IsObjectId(string? text) =>
        text is { Length: 40 or 64 } && text.All(char.IsAsciiHexDigitLower);
}
