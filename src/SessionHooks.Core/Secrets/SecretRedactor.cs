using System.Text.RegularExpressions;

namespace SessionHooks.Secrets;

/// <summary>Text after secrets were replaced by <c>[REDACTED:kind]</c>, and the kinds that were found.</summary>
public sealed record Redaction(string Text, IReadOnlyList<string> Kinds)
{
    public bool Found => Kinds.Count > 0;
}

/// <summary>
/// Finds secrets in text logged by hand (tokens, access keys, private keys, passwords in connection
/// strings) so they are replaced before anything is written: committed session files are forever.
/// </summary>
public static partial class SecretRedactor
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly (string Kind, Regex Pattern, string Replacement)[] BuiltIn =
    [
        ("private-key", PrivateKey(), "[REDACTED:private-key]"),
        ("github-token", GitHubToken(), "[REDACTED:github-token]"),
        ("aws-access-key-id", AwsAccessKeyId(), "[REDACTED:aws-access-key-id]"),
        // Keep the key and the user so the text still reads; only the password goes.
        ("password", ConnectionStringPassword(), "${key}[REDACTED:password]"),
        ("password", UrlCredentials(), "${prefix}[REDACTED:password]@"),
    ];

    /// <param name="extraPatterns">config.json's <c>secret_patterns</c>; one that is not a valid regular expression is skipped.</param>
    public static Redaction Redact(string text, IEnumerable<string>? extraPatterns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kinds = new List<string>();
        foreach (var (kind, pattern, replacement) in BuiltIn)
        {
            text = Replace(text, pattern, replacement, kind, kinds);
        }

        foreach (var extra in extraPatterns ?? [])
        {
            if (Compile(extra) is { } pattern)
            {
                text = Replace(text, pattern, "[REDACTED:secret-pattern]", "secret-pattern", kinds);
            }
        }

        return new Redaction(text, kinds);
    }

    private static string Replace(string text, Regex pattern, string replacement, string kind, List<string> kinds)
    {
        try
        {
            if (!pattern.IsMatch(text))
            {
                return text;
            }

            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }

            return pattern.Replace(text, replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too slow to decide: refuse to keep text we could not check.
            kinds.Add(kind);
            return $"[REDACTED:{kind}]";
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return string.IsNullOrEmpty(pattern) ? null : new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // An unterminated block is redacted to the end: half a key is still a secret.
    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|\z)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})", RegexOptions.CultureInvariant, 250)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b", RegexOptions.CultureInvariant, 250)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.\-]*://[^/\s:@]+:)[^@\s/]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex UrlCredentials();
}
