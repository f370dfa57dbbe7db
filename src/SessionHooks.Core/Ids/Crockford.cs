namespace SessionHooks.Ids;

/// <summary>
/// Crockford's base32 alphabet in lower case: no i, l, o or u, so an id read aloud or typed
/// from a screenshot cannot be mistaken for another.
/// </summary>
internal static class Crockford
{
    public const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>
    /// <paramref name="length"/> characters, each 5 bits from the operating system's cryptographic
    /// random source.
    /// </summary>
    /// <remarks>
    /// The bits come from <see cref="Guid.NewGuid"/>, which asks the kernel for them directly:
    /// <c>RandomNumberGenerator</c> goes through OpenSSL, and loading OpenSSL costs a hook several
    /// milliseconds for eight characters.
    /// </remarks>
    public static string Random(int length) => string.Create(length, 0, static (chars, _) =>
    {
        Span<byte> guid = stackalloc byte[16];
        var used = RandomBytes.Length;
        for (var i = 0; i < chars.Length; i++)
        {
            if (used == RandomBytes.Length)
            {
                Guid.NewGuid().TryWriteBytes(guid);
                used = 0;
            }

            // 32 divides 256, so the low 5 bits of a random byte pick every character alike.
            chars[i] = Alphabet[guid[RandomBytes[used++]] & 0x1f];
        }
    });

    /// <summary>
    /// <paramref name="value"/> in <paramref name="length"/> characters, most significant first, so
    /// the texts of two values compare (ordinally) as the values do.
    /// </summary>
    public static string Encode(int value, int length) => string.Create(length, value, static (chars, value) =>
    {
        for (var i = chars.Length - 1; i >= 0; i--, value >>= 5)
        {
            chars[i] = Alphabet[value & 0x1f];
        }
    });

    public static bool IsDigit(char c) => Alphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// The bytes of a version 4 GUID, in <see cref="Guid.TryWriteBytes(Span{byte})"/>'s order, whose
    /// low 5 bits are all random: byte 7 holds the version, and byte 8's variant bits are its top two.
    /// </summary>
    private static ReadOnlySpan<byte> RandomBytes => [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15];
}
