using System.Diagnostics;
using System.Text.RegularExpressions;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Secrets;

/// <summary>Text after secrets were replaced by <c>[REDACTED:kind]</c>, and the kinds that were found.</summary>
internal sealed record Redaction(string Text, IReadOnlyList<string> Kinds)
{
    public bool Found => Kinds.Count > 0;
}

/// <summary>
/// Finds secrets in text before it reaches a file (session files, the journal, the hook logs):
/// committed files are forever. The built-in <see cref="SecretDetectors"/> run first, then the
/// repository's <c>secret_patterns</c> (see <see cref="RepositoryPatterns"/>), all within one time
/// budget: a text that cannot be checked in time is refused (SH5010), never written unchecked.
/// </summary>
internal static class SecretRedactor
{
    /// <summary>The time one text may take to check, built-in detectors and repository patterns together.</summary>
    /// <remarks>Linear-time matching keeps 1,000 patterns on 100 KB well inside it; it bounds what nothing else would.</remarks>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <param name="extraPatterns">config.json's <c>secret_patterns</c>.</param>
    /// <exception cref="SessionHooksException">SH2006 when a repository pattern cannot be used (the text is
    /// not checked as the repository asks, so it must not be written); SH5010 when the budget runs out.</exception>
    public static Redaction Redact(string text, IEnumerable<string>? extraPatterns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clock = Stopwatch.StartNew();
        var kinds = new List<string>();
        try
        {
            foreach (var detector in SecretDetectors.All)
            {
                if (detector.MayMatch(text))
                {
                    text = Replace(text, detector, kinds);
                    Within(clock);
                }
            }

            if (extraPatterns?.ToList() is { Count: > 0 } patterns)
            {
                text = ReplaceRepositoryPatterns(text, patterns, clock, kinds);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw TooSlow(clock);
        }

        return new Redaction(text, kinds);
    }

    /// <summary>The built-in detectors only, for text the repository's configuration is not at hand for (the hook logs).</summary>
    /// <returns>The text redacted, or <c>[REDACTED:unchecked]</c> when it could not be checked in time.</returns>
    public static string RedactBuiltIn(string text)
    {
        try
        {
            return Redact(text).Text;
        }
        catch (SessionHooksException)
        {
            return "[REDACTED:unchecked]";
        }
    }

    private static string Replace(string text, SecretDetector detector, List<string> kinds)
    {
        var found = false;
        var result = detector.Pattern.Replace(text, match =>
        {
            if (detector.Accept is { } accept && !accept(match, text))
            {
                return match.Value;
            }

            found = true;
            var secret = match.Groups["secret"];
            if (!secret.Success)
            {
                return $"[REDACTED:{detector.Kind}]";
            }

            // A quoted value keeps its quotes, so JSON and code still read as JSON and code.
            var start = secret.Index - match.Index;
            var end = start + secret.Length;
            if (secret.Length >= 2 && secret.Value[0] is '"' or '\'' && secret.Value[^1] == secret.Value[0])
            {
                start++;
                end--;
            }

            return string.Concat(match.ValueSpan[..start], $"[REDACTED:{detector.Kind}]", match.ValueSpan[end..]);
        });
        if (found && !kinds.Contains(detector.Kind))
        {
            kinds.Add(detector.Kind);
        }

        return result;
    }

    private static string ReplaceRepositoryPatterns(string text, List<string> patterns, Stopwatch clock, List<string> kinds)
    {
        const string Kind = "secret-pattern";
        var compiled = RepositoryPatterns.Compile(patterns!, Budget);
        if (compiled.Problems.Count > 0)
        {
            var problem = compiled.Problems[0];
            var shown = problem.Pattern.Length > 60 ? problem.Pattern[..60] + "…" : problem.Pattern;
            throw new SessionHooksException(DiagnosticCatalog.SecretPatternUnusable.ForFile(SessionFileKind.Config.RepoPath(),
                $"secret_patterns[{problem.Index}] \"{shown}\" {problem.Reason}; nothing was written, because the text cannot be checked as this repository asks",
                "correct or remove the pattern; 'session validate' shows where it is"));
        }

        Within(clock);
        var found = false;
        foreach (var group in compiled.Groups)
        {
            // An empty match (a pattern such as a* or ^) hides nothing: it is left as it is.
            text = group.Replace(text, match =>
            {
                found |= match.Length > 0;
                return match.Length > 0 ? $"[REDACTED:{Kind}]" : "";
            });
            Within(clock);
        }

        if (found)
        {
            kinds.Add(Kind);
        }

        return text;
    }

    private static void Within(Stopwatch clock)
    {
        if (clock.Elapsed > Budget)
        {
            throw TooSlow(clock);
        }
    }

    private static SessionHooksException TooSlow(Stopwatch clock) =>
        new(DiagnosticCatalog.SecretCheckTooSlow.ForFile(SessionFileKind.Config.RepoPath(),
            $"checking the text for secrets took {clock.Elapsed.TotalSeconds:0.0} s, more than the {Budget.TotalSeconds:0} s allowed; nothing was written"));
}
