using SessionHooks.Diagnostics;

namespace SessionHooks.Install;

/// <summary>
/// <c>install --assistant</c> and its removal: Claude Code's hooks, and the instruction files other
/// assistants read. Uninstall looks for all of them, whatever was asked at install time.
/// </summary>
internal static class AssistantSteps
{
    /// <summary>The assistants and the file each reads. Codex and Cursor read AGENTS.md, so they are other names for 'agents'.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["claude"] = ClaudeSettings.RepoPath,
        ["agents"] = "AGENTS.md",
        ["codex"] = "AGENTS.md",
        ["cursor"] = "AGENTS.md",
        ["copilot"] = ".github/copilot-instructions.md",
        ["gemini"] = "GEMINI.md",
    };

    public static void Add(InstallPlan plan, IReadOnlyList<string> assistants)
    {
        foreach (var assistant in assistants.Distinct(StringComparer.Ordinal))
        {
            if (!Files.TryGetValue(assistant, out var repoPath))
            {
                throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("--assistant",
                    $"SessionHooks has nothing for the assistant '{assistant}'", $"use one of: {string.Join(", ", Files.Keys)}"));
            }

            var path = plan.FullPath(repoPath);
            var existing = plan.ReadText(path);
            var text = assistant == "claude" ? ClaudeSettings.Add(existing, repoPath) : AssistantInstructions.Add(existing);
            if (text is not null)
            {
                plan.Write(path, text, assistant == "claude"
                    ? $"{(existing is null ? "created" : "added SessionHooks' hooks to")} {repoPath} (Claude Code: SessionStart, UserPromptSubmit, Stop, SessionEnd)"
                    : $"{(existing is null ? "created" : "added SessionHooks' section to")} {repoPath} (how to get context and record the session)");
            }
        }
    }

    public static void Remove(InstallPlan plan)
    {
        foreach (var repoPath in Files.Values.Distinct(StringComparer.Ordinal))
        {
            var path = plan.FullPath(repoPath);
            if (plan.ReadText(path) is not { } existing)
            {
                continue;
            }

            var text = repoPath == ClaudeSettings.RepoPath ? ClaudeSettings.Remove(existing, repoPath) : AssistantInstructions.Remove(existing);
            if (text == "")
            {
                plan.Delete(path, $"deleted {repoPath} (it held only SessionHooks' part)");
                if (repoPath.Contains('/', StringComparison.Ordinal))
                {
                    plan.DeleteFolderIfEmpty(Path.GetDirectoryName(path)!);
                }
            }
            else if (text is not null)
            {
                plan.Write(path, text, $"removed SessionHooks' part from {repoPath} (yours is kept)");
            }
        }
    }
}
