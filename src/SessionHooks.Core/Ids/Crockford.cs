using System.Security.Cryptography;

namespace SessionHooks.Ids;

/// <summary>
/// Crockford's base32 alphabet in lower case: no i, l, o or u, so an id read aloud or typed
/// from a screenshot cannot be mistaken for another.
/// </summary>
internal static class Crockford
{
    public const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary><paramref name="length"/> characters, each 5 bits from a cryptographic random source.</summary>
    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    public static bool IsDigit(char c) => Alphabet.Contains(c, StringComparison.Ordinal);
}
