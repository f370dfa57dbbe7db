using System.Text.RegularExpressions;

namespace SessionHooks.Reliability.Tests;

/// <summary>
/// Every corpus file, put in a real repository: <c>session validate</c> and a real <c>git push</c>
/// through the pre-push hook each refuse it in located one-line diagnostics, and leave it byte for byte.
/// </summary>
[NonParallelizable]
public partial class CorpusTests
{
    private SessionRepository repo = null!;

    public static IEnumerable<TestCaseData> Variants() =>
        Corpus.Variants().Select(v => new TestCaseData(v.Name, v.Kinds).SetName($"ValidateAndPrePush_Refuse_{v.Name}"));

    private string baseCommit = "";

    [OneTimeSetUp]
    public void CreateRepository()
    {
        repo = SessionRepository.Create();
        baseCommit = repo.Repo.Head();
    }

    [Test]
    public void Corpus_HasAtLeastFiftyFilesCoveringEveryKind()
    {
        Assert.That(Corpus.Variants().Sum(v => v.Kinds.Length), Is.GreaterThanOrEqualTo(50));
        Assert.That(Corpus.Kinds.Select(k => Corpus.Names(k).Count()), Has.All.GreaterThanOrEqualTo(25));
    }

    /// <summary>
    /// One variant in every file kind at once (validation reports each file on its own lines):
    /// <c>session validate</c>, then a real push of a commit holding them, made with --no-verify.
    /// </summary>
    [TestCaseSource(nameof(Variants))]
    public void ValidateAndPrePush(string name, string[] kinds)
    {
        var originals = Corpus.Kinds.ToDictionary(k => k, k => File.Exists(repo.PathOf(k + ".json")) ? File.ReadAllBytes(repo.PathOf(k + ".json")) : null);
        var written = kinds.ToDictionary(k => k, k => Corpus.Load(k, name));
        foreach (var (kind, bytes) in written)
        {
            File.WriteAllBytes(repo.PathOf(kind + ".json"), bytes);
        }

        try
        {
            var validate = repo.Session("validate");
            Assert.That(validate.ExitCode, Is.EqualTo(1), validate.ToString());
            foreach (var kind in kinds)
            {
                AssertDiagnostics(validate.Output, kind);
                Assert.That(File.ReadAllBytes(repo.PathOf(kind + ".json")), Is.EqualTo(written[kind]), kind + " is left exactly as it was by validate");
            }

            // current_session.json is git-ignored, never pushed: pre-push judges the committed files.
            var committed = kinds.Where(k => k != "current_session").ToList();
            if (committed.Count == 0)
            {
                return;
            }

            repo.Run(["add", "--", .. committed.Select(k => ".sessions/" + k + ".json")]);
            repo.Run("commit", "-q", "--no-verify", "-m", "hostile " + name);
            // A ref of its own per variant: one push wrongly accepted cannot hide the others.
            var push = repo.Try("push", "origin", "HEAD:refs/heads/corpus/" + name);

            Assert.That(push.ExitCode, Is.Not.Zero, push.ToString());
            Assert.That(push.StandardError, Does.Contain("push refused").And.Not.Contain("internal failure"));
            foreach (var kind in committed)
            {
                AssertDiagnostics(push.StandardError, kind);
                Assert.That(File.ReadAllBytes(repo.PathOf(kind + ".json")), Is.EqualTo(written[kind]), kind + " is left exactly as it was by pre-push");
            }
        }
        finally
        {
            repo.Run("reset", "-q", "--hard", baseCommit);
            foreach (var (kind, bytes) in originals)
            {
                Restore(repo.PathOf(kind + ".json"), bytes);
            }
        }
    }

    private static void AssertDiagnostics(string output, string kind)
    {
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(output, Does.Not.Contain("Exception"), "no exception names");
        var located = LocatedLine(kind);
        Assert.That(output.Split('\n').Any(located.IsMatch), Is.True, $"a located error line for {kind}.json:\n{output}");
        foreach (var line in output.Split('\n').Where(l => l.Contains(kind + ".json", StringComparison.Ordinal)))
        {
            Assert.That(line.Length, Is.LessThan(2_000), "one readable line, not the file echoed back");
        }
    }

    private static Regex LocatedLine(string kind) =>
        new($@"^\s*\.sessions/{kind}\.json(\(\d+,\d+\))?: error SH\d{{4}}: \S");

    private static void Restore(string target, byte[]? original)
    {
        if (original is null)
        {
            File.Delete(target);
        }
        else
        {
            File.WriteAllBytes(target, original);
        }
    }
}
