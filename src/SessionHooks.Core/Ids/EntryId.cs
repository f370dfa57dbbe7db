using System.Globalization;

namespace SessionHooks.Ids;

/// <summary>
/// Worklog entry ids such as <c>20261121T195203Z-7k2m9qx4</c>: the UTC second the entry was made,
/// four characters for the microsecond within it, and four random ones (20 bits). Entries are
/// listed by time and then by id, and times are whole seconds, so the id alone keeps two decisions
/// logged in one second in the order they were logged.
/// </summary>
/// <remarks>
/// Ids made by one process within a second always increase, even from a clock that gives whole
/// seconds only; ids from two processes order by their clocks' microseconds. Two ids collide only
/// when both fall on one microsecond and draw the same 20 bits (1 in a million).
/// </remarks>
internal static class EntryId
{
    private const int OrderLength = 4;
    private const int RandomLength = 4;
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int TimeLength = 16;

    /// <summary>The largest order four characters hold (2^20 - 1); a second has a million microseconds.</summary>
    private const int LastOrder = (1 << (5 * OrderLength)) - 1;

    private static readonly Lock Issued = new();
    private static long lastSecond = long.MinValue;
    private static int lastOrder;

    /// <param name="instant">When the entry is made, to the clock's precision: its whole second names the entry's time.</param>
    public static string New(DateTimeOffset instant)
    {
        var second = instant.UtcTicks / TimeSpan.TicksPerSecond;
        var order = (int)(instant.UtcTicks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        lock (Issued)
        {
            if (second == lastSecond && order <= lastOrder)
            {
                order = Math.Min(lastOrder + 1, LastOrder);
            }

            (lastSecond, lastOrder) = (second, order);
        }

        var time = new DateTime(second * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return time.ToString(TimeFormat, CultureInfo.InvariantCulture) + "-" + Crockford.Encode(order, OrderLength) + Crockford.Random(RandomLength);
    }

    public static bool IsValid(string? id) =>
        id is { Length: TimeLength + 1 + OrderLength + RandomLength } &&
        id[TimeLength] == '-' &&
        DateTime.TryParseExact(id.AsSpan(0, TimeLength), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) &&
        id.AsSpan(TimeLength + 1).ToString().All(Crockford.IsDigit);
}
