using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Cli.Tests;

/// <summary>
/// Runs a Claude Code hook as Claude Code does: the exact command <c>session install --assistant claude</c>
/// wrote into <c>.claude/settings.json</c>, through <c>sh -c</c>, with <c>$CLAUDE_PROJECT_DIR</c> set and
/// the event's documented JSON (ClaudeCode/*.json) on stdin.
/// </summary>
internal static class ClaudeCodeHook
{
    /// <summary>The command settings.json holds for the event.</summary>
    public static string Command(CliRepository repo, string hookEvent)
    {
        var settings = repo.ReadJson(".claude/settings.json");
        return (string)settings["hooks"]![hookEvent]!.AsArray().Single()!["hooks"]!.AsArray().Single()!["command"]!;
    }

    /// <summary>The documented input of the event, its <c>cwd</c> (when it has one) set to <paramref name="cwd"/>, fields replaced or added as given.</summary>
    public static string Input(string hookEvent, string? cwd, params (string Name, string Value)[] fields)
    {
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ClaudeCode", hookEvent + ".json")))!.AsObject();
        if (input.ContainsKey("cwd") && cwd is not null)
        {
            input["cwd"] = cwd;
        }

        foreach (var (name, value) in fields)
        {
            input[name] = value;
        }

        return input.ToJsonString();
    }

    public static ProcessResult Run(CliRepository repo, string hookEvent, string input, string? projectDir = null, string? workingDirectory = null) =>
        repo.Repo.Git.Exec(workingDirectory ?? repo.Root, "sh", ["-c", Command(repo, hookEvent)],
            new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = projectDir ?? repo.Root }, input);
}
