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
    public void New_InOneSecond_GivesDistinctIds()
    {
        // 2,000 ids in one second collide with odds of about 2e-6.
        var now = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 2000).Select(_ => EntryId.New(now)).ToList();

        Assert.That(ids, Is.Unique);
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
