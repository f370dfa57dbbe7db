using System.Text.Json;
using System.Text.Json.Nodes;

namespace SessionHooks.Install;

/// <summary>
/// The commands a cloned repository's own hook files hold, found when install is about to point git
/// at them (<c>core.hooksPath = .husky</c>): from the next commit on they run, with the user's rights,
/// so install lists them for the user to read. SessionHooks' own line and Husky.Net's boilerplate
/// are left out; Husky.Net's task-runner.json tasks are listed when a hook runs the task runner.
/// </summary>
internal static class ExistingHookLines
{
    /// <summary>What the CLI and the build print above the lines.</summary>
    public const string Heading = "These hook lines are in the repository already and run from the next commit on; read them before you commit:";

    /// <summary>Every hook git runs from a hooks folder (githooks(5)).</summary>
    public static readonly HashSet<string> GitHookNames =
    [
        "applypatch-msg", "pre-applypatch", "post-applypatch", "pre-commit", "pre-merge-commit", "prepare-commit-msg",
        "commit-msg", "post-commit", "pre-rebase", "post-checkout", "post-merge", "pre-push", "pre-receive", "update",
        "proc-receive", "post-receive", "post-update", "reference-transaction", "push-to-checkout", "pre-auto-gc",
        "post-rewrite", "sendemail-validate", "fsmonitor-watchman", "p4-changelist", "p4-prepare-changelist",
        "p4-post-changelist", "p4-pre-submit", "post-index-change",
    ];

    /// <summary>Lines as <c>.husky/post-merge:3: npm ci</c>, in file and line order.</summary>
    public static IReadOnlyList<string> Find(InstallPlan plan, HooksLocation location)
    {
        if (!location.IsHusky || !location.SetHooksPath || !Directory.Exists(plan.Owned(location.Folder).Verify()))
        {
            // Only a folder install activates is new to the user; one git already runs is theirs.
            return [];
        }

        var lines = new List<string>();
        var runsTaskRunner = false;
        foreach (var file in Directory.EnumerateFiles(location.Folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            // Install makes its own hooks executable, so those run whole whatever their mode.
            if (!GitHookNames.Contains(name) || (!InstallLayout.GitHooks.Contains(name) && !HooksLocation.IsExecutable(file)))
            {
                continue;
            }

            var text = plan.ReadText(file) ?? "";
            runsTaskRunner |= HookScript.RunsTaskRunner(text);
            lines.AddRange(Commands(plan.Display(file), text));
        }

        var husky = Path.Combine(location.Folder, "_", "husky.sh");
        if (plan.Exists(husky))
        {
            // Hook files in Husky.Net's format, SessionHooks' included, source it when it is there.
            lines.AddRange(Commands(plan.Display(husky), plan.ReadText(husky) ?? ""));
        }

        var taskRunner = Path.Combine(location.Folder, InstallLayout.TaskRunnerFileName);
        if (runsTaskRunner && plan.ReadText(taskRunner) is { } tasks)
        {
            lines.AddRange(Tasks(plan.Display(taskRunner), tasks));
        }

        return lines;
    }

    private static IEnumerable<string> Commands(string shown, string text)
    {
        var file = TextLines.Parse(text);
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#') && !HookScript.IsBoilerplateOrOurs(line))
            {
                yield return $"{shown}:{i + 1}: {line}";
            }
        }
    }

    private static List<string> Tasks(string shown, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return [$"{shown}: not valid JSON, so its tasks cannot be listed; read it before you commit"];
        }

        var listed = new List<string>();
        foreach (var task in (root?["tasks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = task["name"]?.ToString() ?? "(unnamed)";
            if (name.StartsWith("sessionhooks-", StringComparison.Ordinal))
            {
                continue;
            }

            var args = task["args"] is JsonArray array ? string.Join(' ', array.Select(a => a?.ToString())) : "";
            listed.Add($"{shown}: task '{name}' (group {task["group"]?.ToString() ?? "none"}): {task["command"]} {args}".TrimEnd());
        }

        return listed;
    }
}
