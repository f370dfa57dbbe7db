using System.Text.RegularExpressions;

namespace SessionHooks.Secrets;

/// <summary>
/// One built-in kind of secret: what it matches (for the documentation), literal markers of which
/// at least one must be in a text before the pattern runs, and the pattern. When the pattern has a
/// group named <c>secret</c>, only that part is replaced, so <c>Password=[REDACTED:password]</c>
/// still reads; otherwise the whole match is.
/// </summary>
/// <remarks>
/// The markers are plain case-insensitive searches and the pattern is made on first use: a hook
/// logging a branch name pays microseconds, not the ~50 ms that building every regex (or one
/// multi-string <c>SearchValues</c>) costs a process that has not run it yet.
/// </remarks>
internal sealed class SecretDetector
{
    private readonly string[] markers;
    private readonly Func<Regex> pattern;

    private readonly bool assignment;

    internal SecretDetector(string kind, string matches, string[] markers, Func<Regex> pattern, Func<Match, string, bool>? accept = null, bool assignment = false)
    {
        Kind = kind;
        Matches = matches;
        this.markers = markers;
        this.pattern = pattern;
        this.assignment = assignment;
        Accept = accept;
    }

    /// <summary>The name in <c>[REDACTED:kind]</c>.</summary>
    public string Kind { get; }

    /// <summary>What it matches, in words.</summary>
    public string Matches { get; }

    internal Regex Pattern => pattern();

    /// <summary>Whether the text holds one of the literals every match starts with or contains.</summary>
    internal bool MayMatch(string text)
    {
        if (assignment && !text.Contains('=', StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal))
        {
            // Branch names (which git keeps free of ':') and most log values stop here.
            return false;
        }

        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A second look at a match in its text (entropy, placeholders); null accepts every match.</summary>
    internal Func<Match, string, bool>? Accept { get; }
}

/// <summary>
/// The built-in detectors, in the order they run: the specific formats first, so that a token
/// assigned to <c>api_key</c> is named for what it is, then the generic assignments. Formats follow
/// the providers' documentation and gitleaks' rules; each pattern is anchored on a literal and
/// bounded, so it runs in time linear in the text with the backtracking engine (the tests hold
/// each to that on 100 KB of adversarial input).
/// </summary>
internal static partial class SecretDetectors
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;
    private const int Timeout = 1000;

    public static IReadOnlyList<SecretDetector> All { get; } =
    [
        new("private-key", "PEM private key blocks (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP), to their END line or the end of the text",
            ["PRIVATE KEY"], PrivateKey),
        new("github-token", "GitHub tokens: ghp_, gho_, ghu_, ghs_, ghr_ and github_pat_",
            ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], GitHubToken),
        new("gitlab-token", "GitLab tokens: glpat-, gldt-, glrt-, glptt-, glcbt-, glft-, glimt-, glsoat-, gloas-, glagent-",
            ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glimt-", "glsoat-", "gloas-", "glagent-"], GitLabToken),
        new("slack-token", "Slack tokens: xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxo-, xoxe- and app-level xapp-",
            ["xox", "xapp-"], SlackToken),
        new("slack-webhook", "Slack incoming webhook, workflow and trigger URLs (hooks.slack.com/services/…)",
            ["hooks.slack.com/"], SlackWebhook),
        new("stripe-key", "Stripe secret and restricted keys (sk_live_, sk_test_, rk_live_, rk_test_) and webhook secrets (whsec_)",
            ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_", "whsec_"], StripeKey),
        new("google-api-key", "Google API keys: AIza and 35 characters",
            ["AIza"], GoogleApiKey),
        new("google-oauth", "Google OAuth access tokens (ya29.) and client secrets (GOCSPX-)",
            ["ya29.", "GOCSPX-"], GoogleOAuth),
        new("anthropic-key", "Anthropic API and admin keys: sk-ant-",
            ["sk-ant-"], AnthropicKey),
        new("openai-key", "OpenAI keys: sk-proj-, sk-svcacct-, sk-admin-, and the older sk-… holding T3BlbkFJ or 48 characters",
            ["sk-"], OpenAIKey),
        new("jwt", "JSON Web Tokens: three base64url parts, the first two starting eyJ",
            ["eyJ"], JsonWebToken),
        new("aws-access-key-id", "AWS access key ids: AKIA, ASIA, ABIA, ACCA and 16 characters",
            ["AKIA", "ASIA", "ABIA", "ACCA"], AwsAccessKeyId),
        new("aws-secret-access-key", "AWS secret access keys: 40 characters assigned to aws_secret_access_key (any case, = or :)",
            ["secret_access_key", "secretaccesskey"], AwsSecretAccessKey),
        new("azure-storage-key", "Azure account and shared access keys in connection strings: AccountKey=, SharedAccessKey=",
            ["AccountKey", "SharedAccessKey", "SharedSecretValue"], AzureStorageKey),
        new("azure-sas", "Azure shared access signatures: the sig= value of a SAS URL or connection string",
            ["sig="], AzureSasSignature),
        new("azure-client-secret", "Microsoft Entra (Azure AD) client secrets: three characters, a digit, Q~ and 31 to 34 characters",
            ["Q~"], AzureClientSecret),
        new("npm-token", "npm access tokens: npm_ and 36 characters",
            ["npm_"], NpmToken),
        new("nuget-api-key", "NuGet.org API keys: oy2 and 43 lower-case letters and digits",
            ["oy2"], NuGetApiKey),
        new("sendgrid-key", "SendGrid API keys: SG. and two base64url parts",
            ["SG."], SendGridKey),
        new("huggingface-token", "Hugging Face tokens: hf_ and 30 or more letters",
            ["hf_"], HuggingFaceToken),
        new("docker-token", "Docker Hub personal access tokens: dckr_pat_",
            ["dckr_pat_"], DockerToken),
        new("pypi-token", "PyPI upload tokens: pypi-AgEIcHlwaS5vcmc…",
            ["pypi-AgEIcHlwaS5vcmc"], PyPIToken),
        new("shopify-token", "Shopify access tokens: shpat_, shpca_, shppa_, shpss_ and 32 hexadecimal digits",
            ["shpat_", "shpca_", "shppa_", "shpss_"], ShopifyToken),
        new("url-credentials", "the password in a URL's user information: scheme://user:password@host",
            ["://"], UrlCredentials),
        new("bearer-token", "Bearer tokens (HTTP Authorization), 16 or more token characters holding a digit",
            ["bearer"], BearerToken, (m, _) => m.Groups["secret"].Value.Any(char.IsAsciiDigit)),
        new("basic-auth", "HTTP Basic credentials after Authorization:",
            ["authorization"], BasicAuth),
        new("password", "any value assigned to a name ending in password, passwd, pwd, passphrase or secret (password=…, \"password\": \"…\", DB_PASSWORD=…, --password …), except placeholders such as ${VAR}, <…> and code references",
            ["password", "passwd", "pwd", "passphrase", "secret"], PasswordAssignment, SecretValues.IsPassword, assignment: false),
        new("secret", "a high-entropy value (12 or more characters, letters and digits, at least 3 bits of entropy per character) assigned to a name ending in token, api_key, apikey, access_key, auth_key, secret_key, private_key or credential(s), except .NET's PublicKeyToken",
            ["token", "key", "credential"], KeyAssignment, SecretValues.IsHighEntropy, assignment: true),
    ];

    // An unterminated block is redacted to the end: half a key is still a secret.
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|\z)", Options, Timeout)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{50,255})", Options, Timeout)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])gl(?:pat|dt|rt|ptt|cbt|ft|imt|soat|oas|agent)-[A-Za-z0-9_-]{20,255}", Options, Timeout)]
    private static partial Regex GitLabToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:xox[abposre]-[0-9A-Za-z-]{10,255}|xapp-[0-9]-[0-9A-Za-z-]{10,255})", Options, Timeout)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,255}", IgnoreCase, Timeout)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{10,255}|whsec_[A-Za-z0-9+/=]{24,255})", Options, Timeout)]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", Options, Timeout)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?:ya29\.[0-9A-Za-z_-]{20,2048}|GOCSPX-[0-9A-Za-z_-]{20,255})", Options, Timeout)]
    private static partial Regex GoogleOAuth();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,255}", Options, Timeout)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,255}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![A-Za-z0-9])|[A-Za-z0-9]{48}(?![A-Za-z0-9]))", Options, Timeout)]
    private static partial Regex OpenAIKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,4096}", Options, Timeout)]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])", Options, Timeout)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"aws_?secret_?access_?key[""']?\s{0,8}(?::=|=>|=|:)\s{0,8}[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", IgnoreCase, Timeout)]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(@"(?:AccountKey|SharedAccessKey|SharedSecretValue)\s{0,8}=\s{0,8}(?<secret>[A-Za-z0-9+/]{20,1024}={0,2})", IgnoreCase, Timeout)]
    private static partial Regex AzureStorageKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])sig=(?<secret>[A-Za-z0-9%+/]{16,1024}(?:%3D|=){0,2})", IgnoreCase, Timeout)]
    private static partial Regex AzureSasSignature();

    [GeneratedRegex(@"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])", Options, Timeout)]
    private static partial Regex AzureClientSecret();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", Options, Timeout)]
    private static partial Regex NpmToken();

    [GeneratedRegex(@"(?<![a-z0-9])oy2[a-z0-9]{43}(?![a-z0-9])", Options, Timeout)]
    private static partial Regex NuGetApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}", Options, Timeout)]
    private static partial Regex SendGridKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])hf_[A-Za-z]{30,255}(?![A-Za-z0-9])", Options, Timeout)]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{20,255}", Options, Timeout)]
    private static partial Regex DockerToken();

    [GeneratedRegex(@"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,1024}", Options, Timeout)]
    private static partial Regex PyPIToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![a-fA-F0-9])", Options, Timeout)]
    private static partial Regex ShopifyToken();

    // Bounded runs: an unbounded user part would make a long run without '@' quadratic.
    [GeneratedRegex(@"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://[^/\s:@]{1,256}:(?<secret>[^@\s/]{1,256})@", IgnoreCase, Timeout)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])bearer\s{1,8}(?<secret>[A-Za-z0-9._~+/-]{16,4096}=*)", IgnoreCase, Timeout)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"authorization[""']?\s{0,8}[:=]\s{0,8}[""']?basic\s{1,8}(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})", IgnoreCase, Timeout)]
    private static partial Regex BasicAuth();

    // The name's start is read from the text before the match (SecretValues), so the pattern starts
    // at the literal keyword and the engine can search for it.
    [GeneratedRegex(@"--(?:password|passwd|passphrase|secret)(?:=|\s{1,8})(?<secret>""[^""\r\n]{1,500}""|'[^'\r\n]{1,500}'|[^\s""',;}{)(\]\[<>]{1,500})|(?:password|passwd|pwd|passphrase|secret)[""']?\s{0,8}(?::=|=>|=|:)\s{0,8}(?<secret>""[^""\r\n]{1,500}""|'[^'\r\n]{1,500}'|[^\s""',;}{)(\]\[<>]{1,500})", IgnoreCase, Timeout)]
    private static partial Regex PasswordAssignment();

    [GeneratedRegex(@"(?:token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|secret[_-]?key|private[_-]?key|credentials?)[""']?\s{0,8}(?::=|=>|=|:)\s{0,8}(?<secret>""[^""\r\n]{1,500}""|'[^'\r\n]{1,500}'|[^\s""',;}{)(\]\[<>]{1,500})", IgnoreCase, Timeout)]
    private static partial Regex KeyAssignment();
}
