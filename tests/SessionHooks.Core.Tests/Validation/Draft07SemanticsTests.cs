namespace SessionHooks.Tests.Validation;

/// <summary>SessionHooks answers each of <see cref="Draft07Cases"/> as the standard does, NJsonSchema's own semantics notwithstanding.</summary>
public class Draft07SemanticsTests
{
    [TestCaseSource(typeof(Draft07Cases), nameof(Draft07Cases.All))]
    public void SessionHooks_AnswersAsDraft07Does(Draft07Case test)
    {
        var verdict = Draft07Cases.SessionHooks(test);

        Assert.That(verdict.Pointers, Is.EqualTo(test.Failing), $"{test.Schema} with {test.Instance}: {verdict}");
    }
}
