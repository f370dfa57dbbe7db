namespace SessionHooks.Cli.Tests;

public class SummaryTests
{
    [Test]
    public void Summary_FiguresEqualWhatGitLogNumstatSaysOfTheSessionsCommits()
    {
        var repo = CliRepository.Create();
        repo.Ok("start", "--title", "Counting");
        var id = repo.CurrentSessionId();
        repo.Repo.Write("a.txt", "one\ntwo\nthree\n").Write("b.txt", "b\n");
        repo.Run("add", "a.txt", "b.txt");
        repo.Run("commit", "-q", "-m", "add a and b");
        repo.Repo.Write("a.txt", "one\n2\nthree\nfour\n");
        repo.Run("rm", "-q", "b.txt");
        repo.Run("commit", "-q", "-a", "-m", "change a, drop b");
        repo.Ok("log", "milestone", "counted");
        repo.Ok("log", "note", "twice");
        var expected = repo.Run("log", "-2", "--format=%H").Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse().ToArray();

        var json = CliRepository.Json(repo.Ok("summary", id, "--json"));

        var commits = json["commits"]!.AsArray().Select(c => (string?)c).ToArray();
        Assert.That(commits, Is.EqualTo(expected));
        var numstat = repo.Run(["log", "--numstat", "--no-walk", "--format=", "--no-renames", .. expected])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.That((int?)json["lines_added"], Is.EqualTo(numstat.Sum(n => int.Parse(n[0]))));
        Assert.That((int?)json["lines_removed"], Is.EqualTo(numstat.Sum(n => int.Parse(n[1]))));
        Assert.That((int?)json["files_changed"], Is.EqualTo(numstat.Select(n => n[2]).Distinct().Count()));
        Assert.That((int?)json["entries_by_kind"]!["commit"], Is.EqualTo(2));
        Assert.That((int?)json["entries_by_kind"]!["milestone"], Is.EqualTo(1));
        Assert.That((int?)json["entries_by_kind"]!["note"], Is.EqualTo(1));

        var text = repo.Ok("summary");
        Assert.That(text, Does.Contain("Commits:  2").And.Contain($"Lines:    +{json["lines_added"]} -{json["lines_removed"]}"));
    }
}
