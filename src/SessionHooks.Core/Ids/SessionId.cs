using System.Globalization;

namespace SessionHooks.Ids;

/// <summary>
/// Session ids such as <c>20261121-k3f9q</c>: the UTC start date, so ids sort by date, and five
/// random base32 characters, so ids made on different branches and machines do not collide.
/// </summary>
/// <remarks>
/// Five characters give 32^5 = 33,554,432 values per day. Ids can only collide if made on the
/// same UTC day; for n sessions started that day anywhere in a team, the odds that any two share
/// an id are about n² / (2 · 32^5): 1 in 670,000 for 10 sessions a day, 1 in 6,700 for 100.
/// A sequence number (<c>YYYYMMDD-NN</c>) would collide on the second session of the day on any
/// other branch. Within one repository the caller also checks against the ids it already has.
/// </remarks>
internal static class SessionId
{
    private const int RandomLength = 5;
    private const string DateFormat = "yyyyMMdd";

    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture) + "-" + Crockford.Random(RandomLength);

    /// <summary>True for a real date, a dash and five lower-case Crockford base32 characters.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 8 + 1 + RandomLength } &&
        id[8] == '-' &&
        DateTime.TryParseExact(id.AsSpan(0, 8), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) &&
        id.AsSpan(9).ToString().All(Crockford.IsDigit);
}
