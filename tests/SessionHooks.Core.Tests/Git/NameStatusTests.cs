using SessionHooks.Git;
using SessionHooks.Records;

namespace SessionHooks.Tests.Git;

public class NameStatusTests
{
    [Test]
    public void Parse_ReadsEachStatusWithItsPaths()
    {
        var output = "A\0new.txt\0M\0changed.txt\0D\0gone.txt\0R087\0old name.txt\0new name.txt\0C100\0src.txt\0copy.txt\0T\0link\0U\0conflict.txt\0";

        Assert.That(NameStatus.Parse(output), Is.EqualTo(new[]
        {
            new StagedChange("new.txt", ChangeKind.Added),
            new StagedChange("changed.txt", ChangeKind.Modified),
            new StagedChange("gone.txt", ChangeKind.Deleted),
            new StagedChange("new name.txt", ChangeKind.Renamed, "old name.txt"),
            new StagedChange("copy.txt", ChangeKind.Copied, "src.txt"),
            new StagedChange("link", ChangeKind.TypeChanged),
            new StagedChange("conflict.txt", ChangeKind.Modified),
        }));
    }

    [Test]
    public void Parse_KeepsPathsVerbatim_NewLinesTabsAndQuotesIncluded() =>
        Assert.That(NameStatus.Parse("M\0a\nb\t\"c\".txt\0"), Is.EqualTo(new[] { new StagedChange("a\nb\t\"c\".txt", ChangeKind.Modified) }));

    [TestCase("")]
    [TestCase("\0")]
    public void Parse_OfNoChanges_IsEmpty(string output) => Assert.That(NameStatus.Parse(output), Is.Empty);

    [Test]
    public void Parse_SkipsAStatusItDoesNotKnow_AndACutOffRename() =>
        Assert.That(NameStatus.Parse("X\0odd.txt\0M\0b.txt\0R100\0only-from.txt\0"), Is.EqualTo(new[] { new StagedChange("b.txt", ChangeKind.Modified) }));
}
