using System.Text.RegularExpressions;

namespace SessionHooks.Ids;

/// <summary>
/// Task ids such as <c>t-4kq9m</c>: short enough to type and to put in a commit message
/// ("Handle quoted newlines (t-4kq9m)"), which links the commit to the task. Five random base32
/// characters; the caller checks a new one against the ids the repository already has.
/// </summary>
internal static partial class TaskId
{
    private const string Prefix = "t-";
    private const int RandomLength = 5;

    public static string New() => Prefix + Crockford.Random(RandomLength);

    public static bool IsValid(string? id) =>
        id is { Length: 2 + RandomLength } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(2).ToString().All(Crockford.IsDigit);

    /// <summary>The task ids a text (a commit message) mentions, in lower case, each once.</summary>
    public static IReadOnlyList<string> MentionedIn(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. Mention().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    // A whole word: "t-4kq9m" in "(t-4kq9m)" or "T-4KQ9M:", not inside "at-4kq9mx".
    [GeneratedRegex(@"(?<![0-9A-Za-z_-])t-[0-9a-hjkmnp-tv-z]{5}(?![0-9A-Za-z_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
