using System.Globalization;
using System.Text.RegularExpressions;
using SessionHooks.Diagnostics;

namespace SessionHooks.Workflows;

/// <summary>Durations as people type and read them: <c>90</c>, <c>90m</c>, <c>1h</c>, <c>1h30m</c>, <c>1.5h</c>.</summary>
internal static partial class Minutes
{
    /// <summary>The largest duration a task may carry: a little under two years of minutes.</summary>
    public const int Max = 1_000_000;

    /// <summary>Whole minutes; throws SH6001 naming <paramref name="what"/> when the text is not a duration.</summary>
    public static int Parse(string text, string what)
    {
        var match = Duration().Match(text?.Trim() ?? "");
        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success))
        {
            throw Invalid(text, what);
        }

        var hours = match.Groups["h"].Success ? double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? double.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var total = Math.Round((hours * 60) + minutes);
        return total is >= 0 and <= Max ? (int)total : throw Invalid(text, what);
    }

    /// <summary><c>45m</c>, <c>2h</c>, <c>1h30m</c>.</summary>
    public static string Format(int minutes) => minutes switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes}m"),
        _ when minutes % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m"),
    };

    /// <summary>Whole minutes from one time to another, never negative.</summary>
    public static int Between(DateTimeOffset from, DateTimeOffset to) =>
        (int)Math.Clamp(Math.Round((to - from).TotalMinutes), 0, Max);

    private static SessionHooksException Invalid(string? text, string what) =>
        new(DiagnosticCatalog.InvalidArgument.ForFile(what, $"'{text}' is not a duration", "give minutes (90, 90m) or hours (1h, 1h30m, 1.5h)"));

    // Plain minutes ("90"), or hours and/or minutes with their units.
    [GeneratedRegex(@"^(?:(?<m>[0-9]{1,7})|(?:(?<h>[0-9]{1,5}(?:\.[0-9]{1,2})?)\s*h)?\s*(?:(?<m>[0-9]{1,7})\s*m(?:in)?)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
