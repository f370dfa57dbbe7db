using SessionHooks.Ids;

namespace SessionHooks.Tests.Ids;

public class EntryIdTests
{
    [Test]
    public void New_IsTheUtcSecondAndEightCrockfordCharacters()
    {
        var id = EntryId.New(new DateTimeOffset(2026, 11, 21, 20, 52, 3, 999, TimeSpan.FromHours(1)));

        Assert.That(id, Does.Match("^20261121T195203Z-[0-9a-hjkmnp-tv-z]{8}$"));
        Assert.That(EntryId.IsValid(id), Is.True);
    }

    [Test]
    public void New_SortsByTime()
    {
        var start = new DateTimeOffset(2026, 11, 21, 23, 59, 58, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 5).Select(s => EntryId.New(start.AddSeconds(s))).ToList();

        Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void New_InOneSecond_GivesDistinctIdsInTheOrderTheyWereMade()
    {
        // A clock of whole seconds, as a test clock or a coarse system clock gives.
        var now = new DateTimeOffset(2026, 11, 21, 19, 52, 3, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 2000).Select(_ => EntryId.New(now)).ToList();

        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(ids, Has.All.StartWith("20261121T195203Z-"));
    }

    [TestCase(0, "0000")]
    [TestCase(31, "000z")]
    [TestCase(32, "0010")]
    [TestCase(1_024, "0100")]
    [TestCase(999_999, "yghz")]
    public void New_CarriesTheMicrosecondWithinTheSecond(int microsecond, string order)
    {
        // What orders the entries of two processes logging in one second: neither knows the
        // other's ids, only the clock. Each case is its own second, so no earlier id bumps it.
        var instant = new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero).AddSeconds(microsecond % 60)
            .AddTicks(microsecond * TimeSpan.TicksPerMicrosecond);

        var id = EntryId.New(instant);

        Assert.That(id, Does.Match($"^20270102T0304[0-9]{{2}}Z-{order}[0-9a-hjkmnp-tv-z]{{4}}$"));
    }

    [Test]
    public void New_AfterTheClockWentBack_StillNamesItsOwnSecond()
    {
        var later = new DateTimeOffset(2027, 6, 1, 0, 0, 10, TimeSpan.Zero);
        _ = EntryId.New(later);

        var earlier = EntryId.New(later.AddSeconds(-5));

        Assert.That(earlier, Does.StartWith("20270601T000005Z-"));
        Assert.That(EntryId.IsValid(earlier), Is.True);
    }

    [TestCase("20261121T195203Z-7k2m9qx4", true)]
    [TestCase("20261121T195203Z-7k2m9qx", false)]
    [TestCase("20261121T195203Z-7k2m9qxi", false)]
    [TestCase("20261121T255203Z-7k2m9qx4", false)]
    [TestCase("20261121T195203-7k2m9qx4x", false)]
    [TestCase("20261121-k3f9q", false)]
    [TestCase(null, false)]
    public void IsValid_AcceptsOnlyTheEntryIdForm(string? id, bool valid) =>
        Assert.That(EntryId.IsValid(id), Is.EqualTo(valid));
}
