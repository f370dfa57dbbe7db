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

    /// <summary>Where a record of each kind lives: worklogs both at format 1's path and in a session's folder (format 2).</summary>
    private Dictionary<string, string[]> places = [];

    [OneTimeSetUp]
    public void CreateRepository()
    {
        repo = SessionRepository.Create();
        baseCommit = repo.Repo.Head();
        places = new Dictionary<string, string[]>
        {
            ["ai_sessions"] = [".sessions/ai_sessions.json"],
            ["config"] = [".sessions/config.json"],
            ["current_session"] = [".sessions/current_session.json"],
            // The branch's own session folder, which the hooks read, beside format 1's single file.
            ["worklog"] = [".sessions/worklog.json", $".sessions/worklog/{repo.CurrentSessionId()}/20261121T090000Z-corpus.json"],
        };
    }

    [Test]
    public void Corpus_HasAtLeastFiftyFilesCoveringEveryKind()
    {
        Assert.That(Corpus.Variants().Sum(v => v.Kinds.Length), Is.GreaterThanOrEqualTo(50));
        Assert.That(Corpus.Kinds.Select(k => Corpus.Names(k).Count()), Has.All.GreaterThanOrEqualTo(25));
    }

    /// <summary>
    /// One variant at every place a record of its kinds lives, at once (validation reports each file
    /// on its own lines): <c>session validate</c>, then a real push of a commit holding them. The
    /// commit is made with --no-verify, past pre-commit's own schema check, so the commit-message
    /// and post-commit hooks still run over the hostile files.
    /// </summary>
    [TestCaseSource(nameof(Variants))]
    public void ValidateAndPrePush(string name, string[] kinds)
    {
        var targets = kinds.SelectMany(k => places[k].Select(path => (Kind: k, Path: path))).ToList();
        var originals = places.Values.SelectMany(p => p).ToDictionary(p => p, p => File.Exists(FullPath(p)) ? File.ReadAllBytes(FullPath(p)) : null);
        var written = targets.ToDictionary(t => t.Path, t => Corpus.Load(t.Kind, name));
        foreach (var (path, bytes) in written)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FullPath(path))!);
            File.WriteAllBytes(FullPath(path), bytes);
        }

        try
        {
            var validate = repo.Session("validate");
            Assert.That(validate.ExitCode, Is.EqualTo(1), validate.ToString());
            // Compared as spans: NUnit's collection equality takes seconds per 50 MB file.
            foreach (var path in written.Keys)
            {
                // validate names files by absolute path (what problem matchers open); the hooks by repository path.
                AssertDiagnostics(validate.Output, FullPath(path));
                Assert.That(File.ReadAllBytes(FullPath(path)).AsSpan().SequenceEqual(written[path]), Is.True, path + " is left exactly as it was by validate");
            }

            // current_session.json is git-ignored, never pushed: pre-push judges the committed files.
            var committed = written.Keys.Where(p => p != ".sessions/current_session.json").ToList();
            if (committed.Count == 0)
            {
                return;
            }

            repo.Run(["add", "--", .. committed]);
            repo.Run("commit", "-q", "--no-verify", "-m", "hostile " + name);
            Assert.That(repo.CommittedFiles(), Is.SupersetOf(committed));
            // A ref of its own per variant: one push wrongly accepted cannot hide the others.
            var push = repo.Try("push", "origin", "HEAD:refs/heads/corpus/" + name);

            Assert.That(push.ExitCode, Is.Not.Zero, push.ToString());
            Assert.That(push.StandardError, Does.Contain("push refused").And.Not.Contain("internal failure"));
            foreach (var path in committed)
            {
                AssertDiagnostics(push.StandardError, path);
                Assert.That(File.ReadAllBytes(FullPath(path)).AsSpan().SequenceEqual(written[path]), Is.True, path + " is left exactly as it was by the commit's hooks and pre-push");
            }
        }
        finally
        {
            repo.Run("reset", "-q", "--hard", baseCommit);
            foreach (var (path, bytes) in originals)
            {
                Restore(FullPath(path), bytes);
            }
        }
    }

    private string FullPath(string repoPath) => Path.Combine(repo.Root, repoPath);

    private static void AssertDiagnostics(string output, string path)
    {
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(output, Does.Not.Contain("Exception"), "no exception names");
        Assert.That(output, Does.Not.Contain("error SH9"), "no internal error beside the file's own diagnostic");
        var located = LocatedLine(path);
        Assert.That(output.Split('\n').Any(located.IsMatch), Is.True, $"a located error line for {path}:\n{output}");
        foreach (var line in output.Split('\n').Where(l => l.Contains(path, StringComparison.Ordinal)))
        {
            Assert.That(line.Length, Is.LessThan(2_000), "one readable line, not the file echoed back");
        }
    }

    private static Regex LocatedLine(string path) =>
        new($@"^\s*{Regex.Escape(path)}(\(\d+,\d+\))?: error SH\d{{4}}: \S");

    private static void Restore(string target, byte[]? original)
    {
        if (original is null)
        {
            // A worklog file's folder goes with it (a reset may have taken both already).
            var folder = Path.GetDirectoryName(target)!;
            if (File.Exists(target))
            {
                File.Delete(target);
            }

            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        else
        {
            File.WriteAllBytes(target, original);
        }
    }
}
