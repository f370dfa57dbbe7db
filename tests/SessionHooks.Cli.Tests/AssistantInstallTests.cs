namespace SessionHooks.Cli.Tests;

public class AssistantInstallTests
{
    private const string UserSettings = """
        {
          "permissions": { "allow": ["Bash(npm run lint)"] },
          "hooks": {
            "Stop": [ { "hooks": [ { "type": "command", "command": "notify-send done" } ] } ]
          }
        }

        """;

    private const string UserAgents = "# Agents\n\nRun `make test` before you commit.\n";

    [Test]
    public void InstallAssistants_AddsTheirPartsOnce_AndUninstallRemovesExactlyThem()
    {
        var repo = CliRepository.Create();
        repo.Repo.Write(".claude/settings.json", UserSettings);
        repo.Repo.Write("AGENTS.md", UserAgents);

        var installed = repo.Ok("install", "--hooks-dir", CliRepository.ToolFolder, "--assistant", "claude", "--assistant", "agents", "--assistant", "copilot", "--assistant", "codex");
        var again = repo.Ok("install", "--hooks-dir", CliRepository.ToolFolder, "--assistant", "claude", "--assistant", "agents", "--assistant", "copilot");

        Assert.That(installed, Does.Contain("added SessionHooks' hooks to .claude/settings.json").And.Contain("added SessionHooks' section to AGENTS.md").And.Contain("created .github/copilot-instructions.md"));
        Assert.That(again, Does.Contain("nothing changed"), "install is idempotent");
        var settings = repo.ReadJson(".claude/settings.json");
        Assert.That((string?)settings["permissions"]!["allow"]![0], Is.EqualTo("Bash(npm run lint)"));
        Assert.That(settings["hooks"]!["Stop"]!.AsArray(), Has.Count.EqualTo(2), "the user's Stop hook and ours");
        Assert.That((string?)settings["hooks"]!["SessionStart"]![0]!["matcher"], Is.EqualTo("startup|resume|clear|compact"));
        var agents = repo.Repo.Read("AGENTS.md");
        Assert.That(agents, Does.StartWith(UserAgents).And.Contain("dotnet session context").And.Contain("dotnet session end --summary"));
        Assert.That(agents.Split("<!-- SessionHooks: begin"), Has.Length.EqualTo(2), "codex shares AGENTS.md: one section");
        Assert.That(repo.Repo.Read(".github/copilot-instructions.md"), Does.Contain("dotnet session log decision"));

        repo.Ok("uninstall");

        Assert.That(repo.Repo.Read(".claude/settings.json"), Is.EqualTo(UserSettings.ReplaceLineEndings("\n")).Or.Matches<string>(t => SameJson(t, UserSettings)), "the user's settings are kept");
        Assert.That(repo.Repo.Read("AGENTS.md"), Is.EqualTo(UserAgents));
        Assert.That(File.Exists(repo.Repo.Path(".github/copilot-instructions.md")), Is.False);
        Assert.That(Directory.Exists(repo.Repo.Path(".github")), Is.False, "the folder install created goes too");
    }

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
        Assert.That(result.StandardError, Does.Contain("'clippy'").And.Contain("claude, agents, codex, cursor, copilot, gemini"));
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

    private static bool SameJson(string? a, string b) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a ?? ""), System.Text.Json.Nodes.JsonNode.Parse(b));
}
