using System.Text;

namespace SessionHooks.Tests.Secrets;

/// <summary>A text as someone would log it, and the part of it that must not reach a file (empty for a look-alike).</summary>
public sealed record CorpusText(string Name, string Text, string Secret)
{
    public override string ToString() => Name;
}

/// <summary>
/// Secrets in their real formats with made-up values, and look-alikes that must survive. The values
/// are generated (deterministically) rather than written out, so no scanner mistakes this file for
/// a leak, and so they have the randomness real ones have.
/// </summary>
public static class RedactionCorpus
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64 = Alnum + "+/";
    private const string Base64Url = Alnum + "-_";
    private const string Hex = "0123456789abcdef";

    public static IReadOnlyList<CorpusText> Secrets { get; } = BuildSecrets();

    public static IReadOnlyList<CorpusText> LookAlikes { get; } = BuildLookAlikes();

    private static List<CorpusText> BuildSecrets()
    {
        var pem = $"-----BEGIN RSA PRIVATE KEY-----\n{Fake(Base64, 64, 1)}\n{Fake(Base64, 64, 2)}\n-----END RSA PRIVATE KEY-----";
        var openssh = $"-----BEGIN OPENSSH PRIVATE KEY-----\n{Fake(Base64, 70, 3)}\n-----END OPENSSH PRIVATE KEY-----";
        var ec = $"-----BEGIN EC PRIVATE KEY-----\n{Fake(Base64, 64, 4)}";
        var pkcs8 = $"-----BEGIN ENCRYPTED PRIVATE KEY-----\n{Fake(Base64, 64, 5)}\n-----END ENCRYPTED PRIVATE KEY-----";
        var jwt = $"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{Fake(Base64Url, 40, 6)}.{Fake(Base64Url, 43, 7)}";
        string S(string secret, string around) => around.Replace("{}", secret, StringComparison.Ordinal);
        List<(string Name, string Secret, string Around)> items =
        [
            ("github classic token", "ghp_" + Fake(Alnum, 36, 10), "pushed with {} by mistake"),
            ("github oauth token", "gho_" + Fake(Alnum, 36, 11), "token={}"),
            ("github server token", "ghs_" + Fake(Alnum, 36, 12), "GITHUB_TOKEN is {} in CI"),
            ("github fine-grained token", "github_pat_" + Fake(Alnum, 22, 13) + "_" + Fake(Alnum, 59, 14), "use {} for the API"),
            ("gitlab personal token", "glpat-" + Fake(Base64Url, 20, 15), "git remote set-url origin https://oauth2:{}@gitlab.example.com/x.git"),
            ("gitlab runner token", "glrt-" + Fake(Base64Url, 24, 16), "register the runner with {}"),
            ("slack bot token", "xoxb-" + Fake(Digits, 12, 17) + "-" + Fake(Digits, 13, 18) + "-" + Fake(Alnum, 24, 19), "SLACK_BOT_TOKEN {}"),
            ("slack user token", "xoxp-" + Fake(Digits, 12, 20) + "-" + Fake(Digits, 12, 21) + "-" + Fake(Digits, 13, 22) + "-" + Fake(Hex, 32, 23), "the user token {} works"),
            ("slack app token", "xapp-1-A" + Fake(Upper + Digits, 10, 24) + "-" + Fake(Digits, 13, 25) + "-" + Fake(Hex, 64, 26), "socket mode uses {}"),
            ("slack webhook", "https://hooks.slack.com/services/T" + Fake(Upper + Digits, 8, 27) + "/B" + Fake(Upper + Digits, 10, 28) + "/" + Fake(Alnum, 24, 29), "alerts post to {}"),
            ("stripe live key", "sk_live_" + Fake(Alnum, 24, 30), "STRIPE_KEY={}"),
            ("stripe restricted key", "rk_live_" + Fake(Alnum, 24, 31), "the restricted key {} reads charges"),
            ("stripe test key", "sk_test_" + Fake(Alnum, 24, 32), "tests use {}"),
            ("stripe webhook secret", "whsec_" + Fake(Alnum, 32, 33), "verify signatures with {}"),
            ("google api key", "AIza" + Fake(Base64Url, 35, 34), "maps key {} in appsettings"),
            ("google oauth token", "ya29." + Fake(Base64Url, 60, 35), "Authorization token {}"),
            ("google client secret", "GOCSPX-" + Fake(Base64Url, 28, 36), "client secret {}"),
            ("json web token", jwt, "cookie session={}"),
            ("openai project key", "sk-proj-" + Fake(Base64Url, 48, 37), "OPENAI_API_KEY {}"),
            ("openai legacy key", "sk-" + Fake(Alnum, 20, 38) + "T3BlbkFJ" + Fake(Alnum, 20, 39), "old key {}"),
            ("anthropic key", "sk-ant-api03-" + Fake(Base64Url, 93, 40) + "AA", "ANTHROPIC_API_KEY: {}"),
            ("aws access key id", "AKIA" + Fake(Upper + Digits, 16, 41), "access key {} for the bucket"),
            ("aws session key id", "ASIA" + Fake(Upper + Digits, 16, 42), "temporary {}"),
            ("aws secret access key", Fake(Base64, 40, 43), "aws_secret_access_key = {}"),
            ("azure storage connection string", Fake(Base64, 86, 44) + "==", "DefaultEndpointsProtocol=https;AccountName=app;AccountKey={};EndpointSuffix=core.windows.net"),
            ("azure service bus key", Fake(Base64, 43, 45) + "=", "Endpoint=sb://app.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={}"),
            ("azure sas url", Fake(Base64, 43, 46) + "%3D", "https://app.blob.core.windows.net/c/f.txt?sv=2022-11-02&se=2026-12-01&sp=r&sig={}"),
            ("azure client secret", Fake(Alnum, 3, 47) + "8Q~" + Fake(Alnum + "_~.-", 34, 48), "AZURE_CLIENT_SECRET {}"),
            ("json password", "hunter2hunter2", "{ \"password\": \"{}\" }"),
            ("yaml password", "S3cr3t!pass", "password: {}"),
            ("env password", "pg-" + Fake(Alnum, 12, 49), "DB_PASSWORD={}"),
            ("connection string password", "Str0ng!Passw0rd", "Server=db;Database=app;User Id=sa;Password={};TrustServerCertificate=true"),
            ("command-line password", "letmein2026", "sqlcmd -S db --password {} -Q 'select 1'"),
            ("npm token", "npm_" + Fake(Alnum, 36, 50), "//registry.npmjs.org/:_authToken={}"),
            ("nuget api key", "oy2" + Fake(Lower + Digits, 43, 51), "dotnet nuget push -k {}"),
            ("bearer token", Fake(Base64Url, 40, 52), "curl -H 'Authorization: Bearer {}' https://api.example.com"),
            ("basic auth", Convert.ToBase64String(Encoding.ASCII.GetBytes("deploy:" + Fake(Alnum, 16, 53))), "Authorization: Basic {}"),
            ("postgres url", "pg" + Fake(Alnum, 14, 54), "postgres://app:{}@db.example.com:5432/app"),
            ("https url credentials", Fake(Alnum, 20, 55), "cloned from https://deploy:{}@git.example.com/team/repo.git"),
            ("rsa private key", pem, "key:\n{}\nend"),
            ("openssh private key", openssh, "{}"),
            ("unterminated ec key", ec, "pasted {}"),
            ("encrypted pkcs8 key", pkcs8, "{}"),
            ("generic api key", Fake(Hex, 32, 56), "api_key = \"{}\""),
            ("client secret", Fake(Alnum, 24, 57), "client_secret: '{}'"),
            ("access token camel case", Fake(Base64Url, 36, 58), "{ \"accessToken\": \"{}\" }"),
            ("secret key", Fake(Alnum + "!@#%^&*", 50, 59), "SECRET_KEY = '{}'"),
            ("sendgrid key", "SG." + Fake(Base64Url, 22, 60) + "." + Fake(Base64Url, 43, 61), "mail via {}"),
            ("hugging face token", "hf_" + Fake(Upper + Lower, 34, 62), "HF_TOKEN={}"),
            ("docker hub token", "dckr_pat_" + Fake(Base64Url, 27, 63), "docker login -p {}"),
            ("pypi token", "pypi-AgEIcHlwaS5vcmc" + Fake(Base64Url, 70, 64), "twine upload -p {}"),
            ("shopify token", "shpat_" + Fake(Hex, 32, 65), "X-Shopify-Access-Token: {}"),
        ];
        return [.. items.Select(i => new CorpusText(i.Name, S(i.Secret, i.Around), i.Secret))];
    }

    private static List<CorpusText> BuildLookAlikes()
    {
        var png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" + Fake(Base64, 400, 100) + "==";
        var jpeg = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/" + Fake(Base64, 600, 101);
        string[] texts =
        [
            "session 123e4567-e89b-12d3-a456-426614174000 started",
            "GUID {3F2504E0-4F89-11D3-9A0C-0305E82C3301} in the registry",
            "fixed in 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "cherry-picked a1b2c3d onto main",
            "sha256 object 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 pulled",
            "mcr.microsoft.com/dotnet/sdk@sha256:" + Fake(Hex, 64, 102),
            "logo " + png,
            "photo " + jpeg,
            "icon data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxMCAxMCIvPg==",
            "upgraded to 1.2.3-beta.4+build.5",
            "SDK v10.0.401 with net10.0",
            "Microsoft.Extensions.Logging 9.0.0-preview.7.24405.7",
            "AssemblyVersion 4.0.0.0",
            "System.Runtime, Version=10.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
            "max_tokens = 4096",
            "token_count: 12",
            "password_policy = strict",
            "The password must be at least 12 characters long.",
            "Bearer authentication is configured in Program.cs",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + Fake(Base64, 60, 103) + "\n-----END PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE" + Fake(Base64, 60, 104) + "\n-----END CERTIFICATE-----",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + Fake(Base64, 43, 105) + " alice@laptop",
            "mail alice@example.com about it",
            "cloned https://github.com/org/repo.git",
            "remote https://alice@dev.azure.com/org/project/_git/repo",
            "remote git@github.com:org/repo.git",
            "password: ${DB_PASSWORD}",
            "api_key = os.environ['API_KEY']",
            "\"token\": \"<your token here>\"",
            "IAM key ids start with AKIA, session ones with ASIA",
            "we switched from scikit-learn to ML.NET",
            "xoxb- tokens belong to bots",
            "colour #ff00aa for the banner",
            "at 2026-11-21T21:48:33.123Z the build broke",
            "session 20261121-k3f9q, entry 20261121T195203Z-7k2m9qx4",
            "Server=.;Database=app;Trusted_Connection=True;",
            "\"contentHash\": \"" + Fake(Base64, 86, 106) + "==\"",
            "eyJhbGciOiJIUzI1NiJ9 is only a JWT header",
            "set the Authorization header in the handler",
            "see src/SessionHooks.Core/Secrets/SecretRedactor.cs",
            "configure secret_patterns in config.json",
            "the token expired at 10:00",
            "password = settings.DatabasePassword",
            "pwd: /home/alice/src",
            "token_type: Bearer",
            "npm_config_cache=/tmp/npm",
            "Basic usage: run session log",
            "key = 42",
        ];
        return [.. texts.Select((t, i) => new CorpusText($"look-alike {i + 1}: {Short(t)}", t, ""))];
    }

    private static string Short(string text) => text.Length > 40 ? text[..40].ReplaceLineEndings(" ") + "…" : text.ReplaceLineEndings(" ");

    /// <summary>A reproducible random string over <paramref name="alphabet"/>.</summary>
    private static string Fake(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        return string.Create(length, (alphabet, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
    }
}
