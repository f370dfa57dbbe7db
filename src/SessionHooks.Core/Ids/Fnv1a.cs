namespace SessionHooks.Ids;

/// <summary>
/// The 64-bit FNV-1a hash, in 16 hex characters: a name or a fingerprint where no secret is at
/// stake. Hooks use it instead of SHA-256 because .NET hashes through OpenSSL, whose loading
/// costs a short-lived process about 3 ms.
/// </summary>
internal static class Fnv1a
{
    public static string Hex(ReadOnlySpan<byte> data)
    {
        var hash = 14695981039346656037UL;
        foreach (var value in data)
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Hex(string text) => Hex(System.Text.Encoding.UTF8.GetBytes(text));
}
