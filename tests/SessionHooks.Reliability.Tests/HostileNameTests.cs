using System.Text.Json.Nodes;

namespace SessionHooks.Reliability.Tests;

/// <summary>Names that would run a command if any layer handed them to a shell, and cache entries that point out of the repository.</summary>
public class HostileNameTests
{
    // Each would create a file named pwned if it ever reached a shell unquoted.
    private static readonly string[] Branches =
    [
        "feature/quote'\"both",
        // Ref names hold no spaces; ${IFS} is a space once a shell expands it.
        "feature/$(touch${IFS}pwned)",
        "feature/`touch${IFS}pwned`",
        "feature/semi;touch${IFS}pwned",
        "feature/ünïcode-日本-🙂",
        "feature/dollar$HOME|pipe&amp",
    ];

    private static readonly string[] Paths =
    [
        "dir with spaces/file name.txt",
        "$(touch pwned).txt",
        "`touch pwned`.txt",
        "semi;touch pwned.txt",
        "quote'\"name.txt",
        "new\nline.txt",
        "ünïcode 日本.txt",
    ];

    [Test]
    public void CheckoutCommitAndPush_OnHostileBranchesAndPaths_Work_AndRunNothing()
    {
        var repo = SessionRepository.Create();
        foreach (var branch in Branches)
        {
            Assert.That(repo.Try("check-ref-format", "--branch", branch).ExitCode, Is.Zero, "git allows " + branch);
            repo.Run("checkout", "-q", "-b", branch);
            foreach (var path in Paths)
            {
                repo.Repo.Write(path, branch + "\n");
            }

            repo.LogEntry("decision", "work on " + branch);
            repo.Run("add", "-A");
            repo.Run("commit", "-q", "-m", "work on " + branch);
            var push = repo.Try("push", "-q", "origin", branch);
            Assert.That(push.ExitCode, Is.Zero, push.ToString());
            Assert.That((string?)repo.ReadJson("current_session.json")["metadata"]!["environment"]!["branch"], Is.EqualTo(branch));
            // The commit's entry is git's own commit, named for its session by the trailer.
            Assert.That(repo.CommittedFiles(), Is.SupersetOf(Paths), "every hostile path committed as it is");
            var session = repo.Sessions().SingleOrDefault(s => (string?)s!["id"] == repo.TrailerOf());
            Assert.That((string?)session?["branch"], Is.EqualTo(branch), "the commit's session is the branch's, recorded as it is");
            Assert.That(repo.RecordedEntries().Where(e => (string?)e["session"] == (string?)session?["id"]).Select(e => (string?)e["text"]), Does.Contain("work on " + branch));
            var validate = repo.Validate();
            Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
            repo.Run("checkout", "-q", "main");
        }

        AssertNothingRan(repo);
    }

    [Test]
    public void Context_IncludeFiles_NeverReadsOutsideTheRepository()
    {
        var repo = SessionRepository.Create();
        var outside = Path.Combine(Path.GetDirectoryName(repo.Root)!, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "TOP-SECRET-OUTSIDE\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "link-dir"), outside);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "link-file.txt"), Path.Combine(outside, "secret.txt"));
        File.WriteAllText(Path.Combine(repo.Root, "inside.md"), "INSIDE-CONTENT\n");
        var sessions = repo.ReadJson("ai_sessions.json");
        sessions["knowledge_cache"] = new JsonArray(
            "inside.md", "../outside/secret.txt", "sub/../../outside/secret.txt", outside + "/secret.txt",
            "link-dir/secret.txt", "link-file.txt", "link-dir", "..", "/etc/passwd");
        File.WriteAllText(repo.PathOf("ai_sessions.json"), sessions.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");

        foreach (var format in new[] { "markdown", "json" })
        {
            var context = repo.Session("context", "--include-files", "--format", format);

            Assert.That(context.ExitCode, Is.Zero, context.ToString());
            Assert.That(context.Output, Does.Contain("INSIDE-CONTENT"), "files inside are included");
            Assert.That(context.Output, Does.Not.Contain("TOP-SECRET-OUTSIDE"), format);
            Assert.That(context.Output, Does.Not.Contain("root:x:0:0"), format);
            Assert.That(context.Output, Does.Not.Contain("   at "));
        }
    }

    private static void AssertNothingRan(SessionRepository repo)
    {
        var testDirectory = Path.GetDirectoryName(repo.Root)!;
        var pwned = Directory.EnumerateFiles(testDirectory, "pwned", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(SessionRepository.HooksFolder, "pwned"))
            .ToList();
        Assert.That(pwned, Is.Empty);
    }
}
