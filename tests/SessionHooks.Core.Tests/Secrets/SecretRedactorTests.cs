using System.Diagnostics;
using SessionHooks.Diagnostics;
using SessionHooks.Secrets;

namespace SessionHooks.Tests.Secrets;

public class SecretRedactorTests
{
    [Test]
    public void Corpus_HasAtLeastFortySecretsAndFortyLookAlikes()
    {
        Assert.That(RedactionCorpus.Secrets, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(RedactionCorpus.LookAlikes, Has.Count.GreaterThanOrEqualTo(40));
        TestContext.Out.WriteLine($"{RedactionCorpus.Secrets.Count} secrets, {RedactionCorpus.LookAlikes.Count} look-alikes");
    }

    [TestCaseSource(typeof(RedactionCorpus), nameof(RedactionCorpus.Secrets))]
    public void Secret_IsRedacted(CorpusText sample)
    {
        var redaction = SecretRedactor.Redact(sample.Text);

        Assert.That(redaction.Found, Is.True, redaction.Text);
        Assert.That(redaction.Text, Does.Contain("[REDACTED:"));
        foreach (var line in sample.Secret.Split('\n').Where(l => l.Length >= 8 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.That(redaction.Text, Does.Not.Contain(line), "what is left: " + redaction.Text);
        }
    }

    [TestCaseSource(typeof(RedactionCorpus), nameof(RedactionCorpus.LookAlikes))]
    public void LookAlike_IsKept(CorpusText sample)
    {
        var redaction = SecretRedactor.Redact(sample.Text);

        Assert.That(redaction.Text, Is.EqualTo(sample.Text));
        Assert.That(redaction.Kinds, Is.Empty);
    }

    [Test]
    public void Redaction_KeepsTheNameSoTheTextStillReads()
    {
        Assert.That(SecretRedactor.Redact("Server=db;Password=Str0ng!Pass;Encrypt=true").Text,
            Is.EqualTo("Server=db;Password=[REDACTED:password];Encrypt=true"));
        Assert.That(SecretRedactor.Redact("postgres://app:pa55word@db/app").Text, Is.EqualTo("postgres://app:[REDACTED:url-credentials]@db/app"));
    }

    // Inputs built to make a backtracking pattern go quadratic or worse on 100 KB.
    [TestCase("a")]
    [TestCase("password=")]
    [TestCase("token: ")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\n")]
    [TestCase("http://")]
    [TestCase("http://user")]
    [TestCase("eyJhbGciOiJI.")]
    [TestCase("Bearer ")]
    [TestCase("sig=")]
    [TestCase("xoxb-")]
    [TestCase("AccountKey=")]
    [TestCase("Q~")]
    [TestCase("aws_secret_access_key=")]
    public void BuiltInDetectors_OnHundredKilobytesOfAdversarialText_FinishInLinearTime(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 100_000 / unit.Length + 1));
        var clock = Stopwatch.StartNew();

        SecretRedactor.Redact(text);

        TestContext.Out.WriteLine($"{unit.Trim()}: {clock.ElapsedMilliseconds} ms");
        Assert.That(clock.Elapsed, Is.LessThan(SecretRedactor.Budget));
    }

    [Test]
    public void EveryDetector_IsListedInTheReliabilityDocument()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "reliability.md"));

        foreach (var detector in SecretDetectors.All)
        {
            Assert.That(document, Does.Contain($"`{detector.Kind}`"), detector.Kind);
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}

public class RepositoryPatternTests
{
    [Test]
    public void ThousandCatastrophicPatterns_OnHundredKilobytes_RunInLinearTime()
    {
        var patterns = Catastrophic(1000);
        var text = new string('a', 100_000) + "!";
        var clock = Stopwatch.StartNew();

        var redaction = SecretRedactor.Redact(text, patterns);

        TestContext.Out.WriteLine($"1,000 patterns, 100 KB: {clock.ElapsedMilliseconds} ms (first run, compiling included)");
        Assert.That(redaction.Text, Is.EqualTo(text));
        Assert.That(clock.Elapsed, Is.LessThan(SecretRedactor.Budget));
    }

    [Test]
    public void RepositoryPattern_Matches_AreRedacted_EmptyMatchesChangeNothing()
    {
        var redaction = SecretRedactor.Redact("ticket ACME-1234-SECRET and more", [@"ACME-\d+-SECRET", "z*", "^"]);

        Assert.That(redaction.Text, Is.EqualTo("ticket [REDACTED:secret-pattern] and more"));
        Assert.That(redaction.Kinds, Is.EqualTo(new[] { "secret-pattern" }));
    }

    [TestCase(@"(a)\1", "cannot be run in linear time")]
    [TestCase(@"(?<=x)y", "cannot be run in linear time")]
    [TestCase(@"(?>a+)b", "cannot be run in linear time")]
    [TestCase(@"(?(a)b|c)", "cannot be run in linear time")]
    [TestCase(@"[unclosed", "is not a .NET regular expression")]
    [TestCase("", "is empty")]
    public void PatternTheEngineCannotTake_IsFound_AndTheTextIsNotWritten(string bad, string reason)
    {
        var patterns = new[] { "ok-[0-9]+", bad, "also-fine" };

        var compiled = RepositoryPatterns.Compile(patterns, TimeSpan.FromSeconds(1));
        var refused = Assert.Throws<SessionHooksException>(() => SecretRedactor.Redact("text", patterns))!;

        Assert.That(compiled.Problems.Select(p => p.Index), Is.EqualTo(new[] { 1 }));
        Assert.That(compiled.Problems[0].Reason, Does.StartWith(reason));
        Assert.That(refused.Diagnostic.Code, Is.EqualTo("SH2006"));
        Assert.That(refused.Diagnostic.Render(), Does.Contain("secret_patterns[1]").And.Not.Contain("\n"));
    }

    [Test]
    public void ManyPatterns_OneUnusable_AllOthersStillCompile()
    {
        var patterns = Catastrophic(300).Append(@"(\w)\1").Concat(Catastrophic(300)).ToList();

        var compiled = RepositoryPatterns.Compile(patterns, TimeSpan.FromSeconds(1));

        Assert.That(compiled.Problems.Select(p => p.Index), Is.EqualTo(new[] { 300 }));
        Assert.That(compiled.Groups.Sum(g => g.ToString().Split("|(?:").Length), Is.GreaterThanOrEqualTo(600));
    }

    internal static List<string> Catastrophic(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (i % 5) switch
        {
            0 => $"(a+)+b{i}",
            1 => $"(a|aa)+c{i}$",
            2 => $"([a-z]+)*\\d{{{(i % 7) + 1}}}x{i}",
            3 => $"(a*)*[{(char)('b' + (i % 20))}]{i}",
            _ => $"((ab)*|a+)+z{i}",
        })];
}
