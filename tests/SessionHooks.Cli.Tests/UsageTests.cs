namespace SessionHooks.Cli.Tests;

public class UsageTests
{
    private static CliRepository repo = null!;

    [OneTimeSetUp]
    public void CreateRepository() => repo = CliRepository.Create();

    [TestCase("log", "commit", "made a commit")]
    [TestCase("log", "bogus", "x")]
    [TestCase("log", "task")]
    [TestCase("log", "task", "x", "--priority", "urgent")]
    [TestCase("start", "--type", "robot")]
    [TestCase("end")]
    [TestCase("end", "--summary", "x", "--status", "active")]
    [TestCase("show", "20990101-nosuch")]
    [TestCase("summary", "20990101-nosuch")]
    [TestCase("switch", "no-such-branch")]
    [TestCase("context", "--format", "yaml")]
    [TestCase("cache", "add", "../outside.txt")]
    [TestCase("cache", "add", "/etc/passwd")]
    [TestCase("note", "remove", "never added")]
    [TestCase("list", "--status", "sleeping")]
    [TestCase("nosuchcommand")]
    public void BadUsage_ExitsTwo_WithOneLineAndNoStackTrace(params string[] arguments)
    {
        var result = repo.Session(arguments);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [TestCase("start")]
    [TestCase("log")]
    [TestCase("context")]
    [TestCase("cache")]
    [TestCase("journal")]
    public void EveryCommand_HasHelp(string command)
    {
        var result = repo.Session(command, "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("Usage:").And.Contain(command));
    }
}
