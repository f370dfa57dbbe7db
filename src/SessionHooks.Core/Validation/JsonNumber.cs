using System.Numerics;

namespace SessionHooks.Validation;

/// <summary>
/// A JSON number as the text writes it, compared by its mathematical value as JSON Schema asks:
/// <c>1.0</c> equals <c>1</c> and is an integer, <c>87600.000000000001</c> is above <c>87600</c>, and
/// <c>1e400</c> is a number like any other. Neither <see cref="double"/> nor <see cref="decimal"/>
/// can say all of that.
/// </summary>
internal readonly record struct JsonNumber : IComparable<JsonNumber>
{
    private JsonNumber(string text, bool negative, string digits, BigInteger exponent)
    {
        Text = text;
        Negative = negative;
        Digits = digits;
        Exponent = exponent;
    }

    /// <summary>The number as it was written.</summary>
    public string Text { get; }

    /// <summary>True below zero (never for zero itself: -0 is 0).</summary>
    private bool Negative { get; }

    /// <summary>The significant digits, without leading or trailing zeros; empty for zero.</summary>
    private string Digits { get; }

    /// <summary>The value is <see cref="Digits"/> × 10^<see cref="Exponent"/>.</summary>
    private BigInteger Exponent { get; }

    public bool IsZero => string.IsNullOrEmpty(Digits);

    /// <summary>Whether the fractional part is zero (draft-07's "integer").</summary>
    public bool IsInteger => IsZero || Exponent >= 0;

    /// <summary>Reads JSON's number syntax (<c>-?int(.frac)?([eE][+-]?exp)?</c>).</summary>
    /// <exception cref="FormatException">The text is not a JSON number.</exception>
    public static JsonNumber Parse(string text)
    {
        var i = 0;
        var negative = i < text.Length && text[i] == '-';
        if (negative)
        {
            i++;
        }

        var integer = Run(text, ref i);
        var fraction = "";
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fraction = Run(text, ref i);
            if (fraction.Length == 0)
            {
                throw new FormatException($"'{text}' is not a JSON number");
            }
        }

        var exponent = BigInteger.Zero;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var sign = i < text.Length && text[i] is '+' or '-' ? text[i++] : '+';
            var written = Run(text, ref i);
            if (written.Length == 0)
            {
                throw new FormatException($"'{text}' is not a JSON number");
            }

            exponent = BigInteger.Parse(written, System.Globalization.CultureInfo.InvariantCulture) * (sign == '-' ? -1 : 1);
        }

        if (integer.Length == 0 || i != text.Length || (integer.Length > 1 && integer[0] == '0'))
        {
            throw new FormatException($"'{text}' is not a JSON number");
        }

        var digits = (integer + fraction).TrimStart('0');
        exponent -= fraction.Length;
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        return trimmed.Length == 0 ? new JsonNumber(text, false, "", BigInteger.Zero) : new JsonNumber(text, negative, trimmed, exponent);
    }

    private static string Run(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    public int CompareTo(JsonNumber other)
    {
        if (Negative != other.Negative)
        {
            return Negative ? -1 : 1;
        }

        var magnitude = CompareMagnitude(this, other);
        return Negative ? -magnitude : magnitude;
    }

    private static int CompareMagnitude(JsonNumber a, JsonNumber b)
    {
        if (a.IsZero || b.IsZero)
        {
            return (a.IsZero ? 0 : 1) - (b.IsZero ? 0 : 1);
        }

        // The place of the leading digit decides, unless it is the same; then the digits do.
        var lead = (a.Exponent + a.Digits.Length).CompareTo(b.Exponent + b.Digits.Length);
        if (lead != 0)
        {
            return lead;
        }

        var length = Math.Max(a.Digits.Length, b.Digits.Length);
        // Same leading place: align the shorter digits with zeros.
        return string.CompareOrdinal(a.Digits.PadRight(length, '0'), b.Digits.PadRight(length, '0'));
    }

    public bool Equals(JsonNumber other) => CompareTo(other) == 0;

    public override string ToString() => Text;

    public override int GetHashCode() => HashCode.Combine(Negative, Digits ?? "", Exponent);

    public static bool operator <(JsonNumber left, JsonNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(JsonNumber left, JsonNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(JsonNumber left, JsonNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(JsonNumber left, JsonNumber right) => left.CompareTo(right) >= 0;
}
