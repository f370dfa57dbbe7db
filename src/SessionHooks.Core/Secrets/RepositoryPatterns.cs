using System.Text.RegularExpressions;

namespace SessionHooks.Secrets;

/// <summary>One of config.json's <c>secret_patterns</c> that cannot be used, and why.</summary>
/// <param name="Index">Its place in the list, from 0.</param>
internal sealed record PatternProblem(int Index, string Pattern, string Reason);

/// <summary>
/// config.json's <c>secret_patterns</c>: regular expressions a repository brings, so they run only
/// with .NET's <see cref="RegexOptions.NonBacktracking"/> engine, in time linear in the text, and
/// never with the backtracking one, where a pattern such as <c>(a+)+$</c> takes exponential time.
/// </summary>
/// <remarks>
/// Building a NonBacktracking regex costs about half a millisecond, far more than matching a
/// short text with it, so the patterns are joined into alternations of <see cref="GroupSize"/>
/// (measured fastest to build: larger ones often exceed the engine's 10,000-node limit, and a
/// refused attempt costs as much as a build). A group the engine refuses is split in two until
/// each pattern that it refuses alone is found.
/// </remarks>
internal sealed class RepositoryPatterns
{
    private const int GroupSize = 32;

    private static readonly Lock CacheGate = new();
    private static (string Key, RepositoryPatterns Value)? cached;

    private RepositoryPatterns(IReadOnlyList<Regex> groups, IReadOnlyList<PatternProblem> problems)
    {
        Groups = groups;
        Problems = problems;
    }

    /// <summary>The compiled alternations, in the order of the patterns they hold.</summary>
    public IReadOnlyList<Regex> Groups { get; }

    /// <summary>The patterns that could not be compiled, in list order.</summary>
    public IReadOnlyList<PatternProblem> Problems { get; }

    /// <summary>Compiles the patterns (or returns those compiled last, when they are the same list).</summary>
    /// <param name="matchTimeout">How long one group may take on one text before matching stops.</param>
    public static RepositoryPatterns Compile(IReadOnlyList<string?> patterns, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var key = $"{matchTimeout.Ticks}\0{string.Join("\0", patterns)}";
        lock (CacheGate)
        {
            if (cached is { } hit && hit.Key == key)
            {
                return hit.Value;
            }
        }

        var problems = new List<PatternProblem>();
        var usable = new List<(int Index, string Pattern)>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (string.IsNullOrEmpty(pattern))
            {
                problems.Add(new PatternProblem(i, pattern ?? "", "is empty"));
            }
            else if (SyntaxError(pattern) is { } error)
            {
                problems.Add(new PatternProblem(i, pattern, $"is not a .NET regular expression: {error}"));
            }
            else
            {
                usable.Add((i, pattern));
            }
        }

        var groups = new List<Regex>();
        for (var start = 0; start < usable.Count; start += GroupSize)
        {
            Build(usable.GetRange(start, Math.Min(GroupSize, usable.Count - start)), matchTimeout, groups, problems);
        }

        var compiled = new RepositoryPatterns(groups, [.. problems.OrderBy(p => p.Index)]);
        lock (CacheGate)
        {
            cached = (key, compiled);
        }

        return compiled;
    }

    private static void Build(List<(int Index, string Pattern)> patterns, TimeSpan matchTimeout, List<Regex> groups, List<PatternProblem> problems)
    {
        // One pattern alone is compiled as written: wrapped, an inline (?x) comment would swallow the wrapper.
        var text = patterns.Count == 1 ? patterns[0].Pattern : string.Join("|", patterns.Select(p => "(?:" + p.Pattern + ")"));
        try
        {
            groups.Add(new Regex(text, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeout));
            return;
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException)
        {
            if (patterns.Count == 1)
            {
                problems.Add(new PatternProblem(patterns[0].Index, patterns[0].Pattern, $"cannot be run in linear time: {FirstSentence(exception.Message)}"));
                return;
            }
        }

        var half = patterns.Count / 2;
        Build(patterns.GetRange(0, half), matchTimeout, groups, problems);
        Build(patterns.GetRange(half, patterns.Count - half), matchTimeout, groups, problems);
    }

    /// <summary>Whether the pattern parses at all. Building a backtracking regex parses it and runs nothing.</summary>
    private static string? SyntaxError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException exception)
        {
            return FirstSentence(exception.Message);
        }
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var stop = line.IndexOf(". ", StringComparison.Ordinal);
        return stop > 0 ? line[..stop] : line.TrimEnd('.');
    }
}
