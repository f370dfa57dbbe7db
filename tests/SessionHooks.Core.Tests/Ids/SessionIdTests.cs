using SessionHooks.Ids;

namespace SessionHooks.Tests.Ids;

public class SessionIdTests
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    [Test]
    public void New_IsTheUtcDateAndFiveCrockfordCharacters()
    {
        var lateEveningInBerlin = new DateTimeOffset(2026, 11, 22, 0, 30, 0, TimeSpan.FromHours(1));

        var id = SessionId.New(lateEveningInBerlin);

        Assert.That(id, Does.Match("^20261121-[0-9a-hjkmnp-tv-z]{5}$"));
        Assert.That(SessionId.IsValid(id), Is.True);
    }

    [Test]
    public void New_SortsByDate()
    {
        var ids = Enumerable.Range(0, 40)
            .Select(day => (Day: day, Id: SessionId.New(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(day * 9))))
            .ToList();

        Assert.That(ids.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Day), Is.Ordered);
    }

    [Test]
    public void New_DrawsEveryCharacterAtEveryPosition_SoIdsOfOneDayDoNotRepeatAPattern()
    {
        // 2,000 draws per position: the odds that a fair source misses one of 32 characters are below 1e-26.
        var now = DateTimeOffset.UtcNow;
        var suffixes = Enumerable.Range(0, 2000).Select(_ => SessionId.New(now)[9..]).ToList();

        for (var position = 0; position < 5; position++)
        {
            Assert.That(suffixes.Select(s => s[position]).Distinct().Order(), Is.EqualTo(Crockford.ToCharArray()), $"position {position}");
        }
    }

    [TestCase("20261121-k3f9q", true)]
    [TestCase("20261121-00000", true)]
    [TestCase("20261121-k3f9", false)]
    [TestCase("20261121-k3f9qq", false)]
    [TestCase("20261121-K3F9Q", false)]
    [TestCase("20261121-k3fiq", false)]
    [TestCase("20261121-k3fuq", false)]
    [TestCase("20261121_k3f9q", false)]
    [TestCase("20261321-k3f9q", false)]
    [TestCase("2026112a-k3f9q", false)]
    [TestCase("20261121-01", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsValid_AcceptsOnlyARealDateAndFiveCrockfordCharacters(string? id, bool valid) =>
        Assert.That(SessionId.IsValid(id), Is.EqualTo(valid));
}
