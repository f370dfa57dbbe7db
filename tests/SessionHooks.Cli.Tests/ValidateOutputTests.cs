using System.Text.RegularExpressions;
using SessionHooks.Testing;

namespace SessionHooks.Cli.Tests;

/// <summary>
/// What <c>session validate</c> prints is what VS Code's <c>$msCompile</c> problem matcher reads:
/// every problem a line in <c>file(line,col): severity CODE: message</c> form, naming the file by
/// absolute path from wherever the command runs, so clicking it opens the file at the problem.
/// </summary>
public class ValidateOutputTests
{
    [Test]
    public void RightAfterANewBranchIsCheckedOut_TheRecordsAreValid_AndAfterItsFirstCommitToo()
    {
        // The branch's session waits in the pending area for its first commit: known, not missing.
        var repo = CliRepository.Create();
        repo.Run("checkout", "-q", "-b", "feature/new");

        var before = repo.Session("validate");
        Assert.That(before.ExitCode, Is.Zero, before.ToString());
        Assert.That(before.StandardOutput, Does.Not.Contain("SH3004"));

        repo.Repo.Commit("n.txt", "n\n");
        Assert.That(repo.Session("validate").ExitCode, Is.Zero);
        File.WriteAllText(repo.Repo.Path(".sessions/current_session.json"),
            File.ReadAllText(repo.Repo.Path(".sessions/current_session.json")).Replace(repo.CurrentSessionId(), "20261121-zzzzz", StringComparison.Ordinal));
        Assert.That(repo.Session("validate").StandardOutput, Does.Contain("SH3004"), "a session neither registered nor pending is still reported");
    }

    [Test]
    public void EveryLine_MatchesMsCompile_AndNamesAnExistingFileByAbsolutePath_FromASubfolder()
    {
        var repo = Broken();
        var subfolder = Directory.CreateDirectory(repo.Repo.Path("src/deep")).FullName;

        var result = InstalledRepository.Session(repo.Repo, subfolder, "validate");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.GreaterThanOrEqualTo(Expected.Length), result.ToString());
        Assert.Multiple(() =>
        {
            foreach (var line in lines)
            {
                Assert.That(ProblemMatcher.Problem(line), Is.Null);
            }

            foreach (var (file, code) in Expected)
            {
                Assert.That(lines, Has.Some.StartsWith(repo.Repo.Path(file) + "(").And.Contains($" {code}: "), $"{code} in {file}");
            }
        });
    }

    [Test]
    public void RelativePaths_WhenAsked_AreRelativeToTheCurrentDirectory()
    {
        var repo = Broken();
        var subfolder = Directory.CreateDirectory(repo.Repo.Path("src/deep")).FullName;

        var result = InstalledRepository.Session(repo.Repo, subfolder, "validate", "--relative-paths");

        var files = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => ProblemMatcher.MsCompile().Match(l).Groups[1].Value)
            .ToList();
        Assert.That(files, Is.Not.Empty.And.All.StartsWith(Path.Combine("..", "..", ".sessions")), result.ToString());
        Assert.That(files.Select(f => Path.GetFullPath(f, subfolder)), Has.All.Matches<string>(File.Exists));
    }

    [Test]
    public void AFileInTheLayoutBeforeFormatVersions_IsReportedAtItsOwnLines()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write(".sessions/worklog.json", LegacyWorklog);

        var lines = repo.Session("validate").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var worklog = repo.Repo.Path(".sessions/worklog.json");
        Assert.That(lines, Has.Some.StartsWith(worklog + "(1,1): error SH1011: the file has no schema_version"));
        Assert.That(lines, Has.Some.StartsWith(worklog + "(5,15): error SH2004: 'entries[0].time' is \"yesterday\""));
    }

    /// <summary>The problems <see cref="Broken"/> plants: one line each, or more.</summary>
    private static readonly (string File, string Code)[] Expected =
    [
        (".sessions/ai_sessions.json", "SH2003"),
        (".sessions/worklog/20261121-k3f9q/20261121T090000Z-7k2m9qx4.json", "SH2004"),
        (".sessions/worklog.json", "SH1011"),
        (".sessions/current_session.json", "SH2001"),
        (".sessions/config.json", "SH1012"),
        (".sessions/config.json", "SH2006"),
        (".sessions/config.json", "SH2005"),
        (".sessions/ai_sessions.json", "SH4002"),
    ];

    private const string LegacyWorklog = """
        {
          "entries": [
            { "id": "20261121T090000Z-7k2m9qx4",
              "session": "20261121-k3f9q",
              "time": "yesterday",
              "type": "note" }
          ]
        }

        """;

    /// <summary>A real repository whose session files break in every way validate reports: schema, format version, rules, advice, an unlogged commit.</summary>
    private static CliRepository Broken()
    {
        var repo = CliRepository.Create();
        repo.Ok("log", "note", "a session to find");
        repo.Run("commit", "-q", "--allow-empty", "-m", "Record the session");
        GitRunner.Check(repo.Repo.Git.TryWith(repo.Root, new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, null, "commit", "-q", "--allow-empty", "-m", "made without the hooks"));

        var sessions = repo.Repo.Read(".sessions/ai_sessions.json");
        repo.Repo.Write(".sessions/ai_sessions.json", Regex.Replace(sessions, "\"status\": \"active\"", "\"status\": \"sleeping\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
        repo.Repo.Write(".sessions/worklog/20261121-k3f9q/20261121T090000Z-7k2m9qx4.json", """
            {
              "schema_version": 2,
              "entries": [
                { "id": "20261121T090000Z-7k2m9qx4", "session": "20261121-k3f9q", "time": "2026-11-21T09:00:00Z", "kind": "commit", "branch": "main\n" }
              ]
            }

            """);
        repo.Repo.Write(".sessions/worklog.json", LegacyWorklog);
        var current = repo.Repo.Read(".sessions/current_session.json");
        repo.Repo.Write(".sessions/current_session.json", current.Replace("\"machine\":", "\"host\":", StringComparison.Ordinal));
        repo.Repo.Write(".sessions/config.json", """
            {
              "schema_version": 1,
              "secret_patterns": ["(?<=key=)\\w+"],
              "stale_after_hour": 3
            }

            """);
        return repo;
    }
}
