using System.Buffers;
using System.Text.RegularExpressions;

namespace SessionHooks.Secrets;

/// <summary>
/// The second look the generic assignment detectors take at a value: placeholders, references to
/// variables and code, paths and words are not secrets; a password is any other value, a token
/// one that looks random.
/// </summary>
internal static partial class SecretValues
{
    private const int LongestName = 64;

    private static readonly SearchValues<char> NameEnd = SearchValues.Create("\"' \t:=");

    private static readonly HashSet<string> NotSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "none", "nil", "true", "false", "yes", "no", "on", "off", "required", "optional", "empty", "unset",
        "redacted", "hidden", "masked", "example", "placeholder", "todo", "tbd", "n/a", "string", "str", "text",
    };

    // Names whose value is public although they end in "token".
    private static readonly HashSet<string> PublicNames = new(StringComparer.OrdinalIgnoreCase) { "publickeytoken", "public_key_token" };

    public static bool IsPassword(Match match, string text)
    {
        var value = Value(match);
        return value.Length >= 4 && !IsPlaceholder(value, match, text);
    }

    public static bool IsHighEntropy(Match match, string text)
    {
        var value = Value(match);
        return value.Length >= 12
            && !PublicNames.Contains(Name(match, text))
            && !IsPlaceholder(value, match, text)
            && value.Any(char.IsAsciiLetter) && value.Any(char.IsAsciiDigit)
            && Entropy(value) >= 3.0;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    internal static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return -counts.Values.Sum(n => (double)n / value.Length * Math.Log2((double)n / value.Length));
    }

    private static string Value(Match match)
    {
        var value = match.Groups["secret"].Value;
        return value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1].Trim() : value.Trim();
    }

    /// <summary>The assigned name: the keyword the match starts with and the name characters before it.</summary>
    private static string Name(Match match, string text)
    {
        var start = match.Index;
        while (start > 0 && match.Index - start < LongestName && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '-' or '.'))
        {
            start--;
        }

        var keyword = match.Value.AsSpan(0, match.Groups["secret"].Index - match.Index);
        var end = keyword.IndexOfAny(NameEnd) is var cut and >= 0 ? cut : keyword.Length;
        return text[start..match.Index] + keyword[..end].ToString();
    }

    private static bool IsPlaceholder(string value, Match match, string text)
    {
        if (value[0] is '$' or '%' or '<' or '{' or '[' or '(' or '*' or '/' or '~' or '@' || NotSecrets.Contains(value))
        {
            // ${VAR}, %VAR%, <your password>, {{ secret }}, [REDACTED:…], ****, a path, @Model.Secret.
            return true;
        }

        if (value.All(c => c is '*' or 'x' or 'X' or '.' or '-' or '•' or '_'))
        {
            return true;
        }

        var quoted = match.Groups["secret"].Value[0] is '"' or '\'';
        var after = match.Index + match.Length;
        return CodeReference().IsMatch(value) || (!quoted && after < text.Length && text[after] is '(' or '[' or '.');
    }

    // os.environ, process.env.API_TOKEN, config.Password, settings.Secret: code, not a value.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+(\(\))?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CodeReference();
}
