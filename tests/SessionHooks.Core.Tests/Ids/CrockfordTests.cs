using SessionHooks.Ids;

namespace SessionHooks.Tests.Ids;

public class CrockfordTests
{
    [Test]
    public void Random_DrawsEveryCharacterAtEveryPosition_AcrossTheGuidsItTakesBitsFrom()
    {
        // 30 characters take two GUIDs' worth of random bytes; 2,000 draws per position: the odds
        // that a fair source misses one of 32 characters are below 1e-26.
        var draws = Enumerable.Range(0, 2000).Select(_ => Crockford.Random(30)).ToList();

        Assert.That(draws.Select(d => d.Length), Is.All.EqualTo(30));
        for (var position = 0; position < 30; position++)
        {
            Assert.That(draws.Select(d => d[position]).Distinct().Order(), Is.EqualTo(Crockford.Alphabet.ToCharArray()), $"position {position}");
        }
    }

    [Test]
    public void Random_DrawsTheCharactersAlike()
    {
        // 64,000 characters: each is expected 2,000 times, with a standard deviation of about 44.
        var counts = Enumerable.Range(0, 8000).SelectMany(_ => Crockford.Random(8)).CountBy(c => c).ToDictionary();

        Assert.That(counts.Keys.Order(), Is.EqualTo(Crockford.Alphabet.ToCharArray()));
        Assert.That(counts.Values, Is.All.InRange(1700, 2300));
    }

    [Test]
    public void Random_OfLengthZero_IsEmpty() => Assert.That(Crockford.Random(0), Is.Empty);
}
