using System.Globalization;

namespace SessionHooks.Ids;

/// <summary>
/// Worklog entry ids such as <c>20261121T195203Z-7k2m9qx4</c>: the UTC second the entry was made,
/// so entries sort by time, and 40 random bits, so ids never collide in practice (two entries made
/// in the same second collide with odds of 1 in 2^40, about a trillion).
/// </summary>
internal static class EntryId
{
    private const int RandomLength = 8;
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int TimeLength = 16;

    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "-" + Crockford.Random(RandomLength);

    public static bool IsValid(string? id) =>
        id is { Length: TimeLength + 1 + RandomLength } &&
        id[TimeLength] == '-' &&
        DateTime.TryParseExact(id.AsSpan(0, TimeLength), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) &&
        id.AsSpan(TimeLength + 1).ToString().All(Crockford.IsDigit);
}
