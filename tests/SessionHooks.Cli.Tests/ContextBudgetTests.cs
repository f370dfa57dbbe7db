using System.Text;

namespace SessionHooks.Cli.Tests;

public class ContextBudgetTests
{
    [Test]
    public void Context_LeadsWithWhatMatters_AndDropsTheLeastImportantFirst_SayingWhat()
    {
        var repo = CliRepository.Create();
        for (var i = 1; i <= 3; i++)
        {
            repo.Run("checkout", "-q", "-b", $"feature/other-{i}", "main");
            repo.Ok("start", "--title", $"Other work {i}");
            repo.Ok("end", "--summary", $"Summary of other work {i}: " + new string('o', 300));
            repo.Run("checkout", "-q", "main");
        }

        repo.Ok("start", "--title", "Parser rewrite");
        repo.Ok("task", "add", "Parse quoted fields", "--priority", "high", "--estimate", "45m");
        repo.Ok("task", "add", "Benchmark the reader", "--priority", "low");
        repo.Ok("log", "decision", "stream rows, never load the whole file");
        Thread.Sleep(1100); // entries are stamped to the second
        repo.Ok("log", "decision", "keep the old reader for one release");
        repo.Ok("note", "add", "run the parser tests with --filter Csv");
        repo.Ok("cache", "add", "README.md");

        var full = repo.Ok("context");
        string[] order = ["## Current focus", "## Open tasks", "## Latest decisions", "## Context notes", "## Knowledge cache", "## Recent sessions of other branches"];
        var positions = order.Select(h => full.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.That(positions, Is.All.GreaterThanOrEqualTo(0), full);
        Assert.That(positions, Is.Ordered, full);
        Assert.That(full.IndexOf("[high] task: Parse quoted fields", StringComparison.Ordinal), Is.LessThan(full.IndexOf("[low] task: Benchmark the reader", StringComparison.Ordinal)));
        Assert.That(full.IndexOf("keep the old reader", StringComparison.Ordinal), Is.LessThan(full.IndexOf("stream rows", StringComparison.Ordinal)), "latest decision first");
        Assert.That(full, Does.Contain("Summary of other work 3").And.Not.Contain("## Left out"));

        var fitted = repo.Ok("context", "--max-bytes", "950");

        Assert.That(Encoding.UTF8.GetByteCount(fitted), Is.LessThanOrEqualTo(950), fitted);
        Assert.That(fitted, Does.Contain("- Focus: Parser rewrite").And.Contain("Parse quoted fields").And.Contain("keep the old reader"));
        Assert.That(fitted, Does.Not.Contain("Summary of other work"));
        Assert.That(fitted, Does.Contain("## Left out").And.Contain("all 3 sessions of other branches"));

        var tiny = repo.Ok("context", "--max-bytes", "512");
        Assert.That(Encoding.UTF8.GetByteCount(tiny), Is.LessThanOrEqualTo(512), tiny);
        Assert.That(tiny, Does.Contain("- Focus: Parser rewrite").And.Contain("Parse quoted fields"), "the focus and the most urgent task stay");
        Assert.That(tiny, Does.Contain("knowledge cache paths"), "what went is named");
        var tooSmall = repo.Session("context", "--max-bytes", "100");
        Assert.That(tooSmall.ExitCode, Is.EqualTo(2));
        Assert.That(tooSmall.StandardError, Does.Contain("less than the 512 bytes"));
    }

    [Test]
    public void ContextSince_ShowsWhatHappenedAfterASession_OrAfterACommit()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "decision", "old decision");
        var before = repo.Repo.Commit("a.txt", "a\n", "Before");
        var earlier = repo.CurrentSessionId();
        repo.Ok("end", "--summary", "Earlier work", "--status", "handoff");
        Thread.Sleep(1100);

        repo.Ok("start", "--title", "Later work");
        repo.Ok("log", "decision", "new decision");
        repo.Ok("log", "source", "https://example.com/rfc4180");
        repo.Ok("task", "add", "added later");
        repo.Repo.Commit("b.txt", "b\n", "After the handoff");

        var sinceSession = repo.Ok("context", "--since", earlier);
        var sinceCommit = CliRepository.Json(repo.Ok("context", "--since", before, "--json"));

        Assert.That(sinceSession, Does.Contain($"## Since {earlier}").And.Contain("After the handoff").And.Contain("decision: new decision")
            .And.Contain("source: https://example.com/rfc4180").And.Contain("added later"));
        Assert.That(sinceSession, Does.Not.Contain("old decision").And.Not.Contain("` Before"));
        Assert.That(sinceCommit["since"]!["commits"]!.AsArray().Select(c => (string?)c!["subject"]), Is.EqualTo(new[] { "After the handoff" }));
        Assert.That(sinceCommit["since"]!["entries"]!.AsArray().Select(e => (string?)e!["text"]), Does.Contain("new decision").And.Not.Contain("old decision"));
        var unknown = repo.Session("context", "--since", "no-such-thing");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.StandardError, Does.Contain("neither a session nor a commit"));
    }
}
