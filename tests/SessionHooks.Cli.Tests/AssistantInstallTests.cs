namespace SessionHooks.Cli.Tests;

public class AssistantInstallTests
{
    [Test]
    public void InstallClaude_InAFreshRepository_UninstallLeavesNoClaudeFolder()
    {
        var repo = CliRepository.Create();
        repo.Ok("install", "--hooks-dir", CliRepository.ToolFolder, "--assistant", "claude");
        Assert.That(File.Exists(repo.Repo.Path(".claude/settings.json")), Is.True);

        repo.Ok("uninstall");

        Assert.That(Directory.Exists(repo.Repo.Path(".claude")), Is.False);
    }

    [Test]
    public void InstallAnUnknownAssistant_IsOneLineWithTheKnownOnes_AndChangesNothing()
    {
        var repo = CliRepository.Create();

        var result = repo.Session("install", "--hooks-dir", CliRepository.ToolFolder, "--assistant", "claude", "--assistant", "clippy");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.StandardError, Does.Contain("'clippy'").And.Contain("use one of: claude"));
        Assert.That(File.Exists(repo.Repo.Path(".claude/settings.json")), Is.False, "nothing is written when any part is refused");
    }

    [Test]
    public void InstallClaude_OverBrokenSettings_SaysWhereAndChangesNothing()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write(".claude/settings.json", "{\n  \"hooks\": {,\n}\n");

        var result = repo.Session("install", "--hooks-dir", CliRepository.ToolFolder, "--assistant", "claude");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.StartWith(".claude/settings.json(2,").And.Contain("correct .claude/settings.json"));
        Assert.That(repo.Repo.Read(".claude/settings.json"), Is.EqualTo("{\n  \"hooks\": {,\n}\n"));
    }
}
