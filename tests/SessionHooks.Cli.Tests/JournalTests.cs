namespace SessionHooks.Cli.Tests;

public class JournalTests
{
    [Test]
    public void Journal_WritesEverySectionOfASession_WithItsStatusLine()
    {
        var repo = CliRepository.Create();
        repo.Ok("start", "--title", "CSV importer");
        var first = repo.CurrentSessionId();
        repo.Ok("end", "--summary", "Spike done", "--status", "completed");
        repo.Ok("start", "--title", "CSV importer, part two");
        var id = repo.CurrentSessionId();
        repo.Ok("log", "decision", "stream rows, because exports reach 2 GB");
        repo.Ok("log", "milestone", "the reader passes the RFC 4180 samples");
        repo.Ok("log", "problem", "the old reader leaks file handles");
        repo.Ok("log", "insight", "Excel exports start with a UTF-8 BOM");
        repo.Ok("log", "source", "https://www.rfc-editor.org/rfc/rfc4180");
        var done = System.Text.RegularExpressions.Regex.Match(repo.Ok("task", "add", "Handle quoted newlines", "--priority", "high", "--estimate", "1h"), "t-[0-9a-z]{5}").Value;
        repo.Ok("task", "add", "Benchmark the reader", "--priority", "low");
        repo.Ok("task", "add", "Document the options");
        repo.Repo.Write("src/Csv.cs", "class Csv {}\n");
        repo.Run("add", "src/Csv.cs");
        repo.Run("commit", "-q", "-m", $"Streaming CSV reader ({done})");
        var commit = repo.Repo.Head();
        repo.Ok("task", "done", done, "--actual", "50m");
        repo.Ok("end", "--summary", "Reader done; benchmarks still open", "--status", "handoff");

        repo.Ok("journal", "--output", "SESSION_JOURNAL.md");
        var journal = File.ReadAllText(Path.Combine(repo.Root, "SESSION_JOURNAL.md"));
        var section = journal[journal.IndexOf($"## CSV importer, part two ({id})", StringComparison.Ordinal)..];
        section = section[..Math.Max(section.IndexOf($"({first})", StringComparison.Ordinal), 0)];

        Assert.That(section, Does.Contain("- Status: handoff (active → **handoff** → completed)"));
        string[] headings = ["### Summary", "### Key decisions and rationale", "### Deliverables", "### Implementation highlights",
            "### Challenges and lessons", "### Next work items", "### Sources", "### Related sessions"];
        var positions = headings.Select(h => section.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.That(positions, Is.All.GreaterThanOrEqualTo(0), section);
        Assert.That(positions, Is.Ordered, section);
        Assert.That(section, Does.Contain("- Reader done; benchmarks still open"));
        Assert.That(section, Does.Contain("- stream rows, because exports reach 2 GB"));
        Assert.That(section, Does.Contain($"- commit `{commit[..10]}` Streaming CSV reader ({done})").And.Contain("files: `src/Csv.cs` (+1 −0)"));
        Assert.That(section, Does.Contain("milestone: the reader passes the RFC 4180 samples"));
        Assert.That(section, Does.Contain("problem: the old reader leaks file handles").And.Contain("insight: Excel exports start with a UTF-8 BOM"));
        Assert.That(section, Does.Contain("#### Medium priority\n\n- [medium] task: Document the options"));
        Assert.That(section.IndexOf("#### Medium priority", StringComparison.Ordinal), Is.LessThan(section.IndexOf("#### Low priority", StringComparison.Ordinal)));
        Assert.That(section, Does.Contain("#### Done\n\n- [x] Handle quoted newlines (took 50m, estimated 1h)"));
        Assert.That(section, Does.Contain("- https://www.rfc-editor.org/rfc/rfc4180"));
        Assert.That(section, Does.Contain($"- {first}: CSV importer (completed)"));
        Assert.That(section, Does.Contain("tasks: 3 planned, 1 completed, 0 blocked; estimated 1h, actual 50m for the completed ones"));
    }
}
