using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Diagnostics;

namespace SessionHooks.Install;

internal sealed record TaskRunnerEdit(string? Text, IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Removed, bool HasComments)
{
    public bool Changed => Added.Count + Updated.Count + Removed.Count > 0;
}

/// <summary>
/// Husky.Net's <c>task-runner.json</c>: SessionHooks' tasks merged in by name, every other task and
/// property of the user's kept in place.
/// </summary>
internal static class TaskRunnerFile
{
    public const string SchemaUrl = "https://alirezanet.github.io/Husky.Net/schema.json";

    private const string TaskPrefix = "sessionhooks-";

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The recover task: <c>dotnet husky run --group session-recover</c>.</summary>
    public const string RecoverTask = TaskPrefix + "recover";

    public const string RecoverGroup = "session-recover";

    /// <summary>
    /// Tasks of earlier versions that must go: pre-push and post-rewrite read git's standard input,
    /// which the task runner does not pass (<see cref="InstallLayout.ReadsStandardInput"/>).
    /// </summary>
    private static readonly string[] Retired = [TaskPrefix + "pre-push", TaskPrefix + "post-rewrite"];

    /// <summary>
    /// Our tasks. <c>${args}</c> only where git passes arguments: Husky.Net skips a task whose
    /// <c>${args}</c> expands to nothing ("no matched files"), and pre-commit, pre-merge-commit and
    /// a plain <c>dotnet husky run --group session-recover</c> pass none. With
    /// <paramref name="hookTasks"/> false (a hook runs every task, see <see cref="HookScript.RunsEveryTask"/>)
    /// only the recover task: a hook's task would run in the other hooks too.
    /// Each task runs <c>sessionhooks.sh task …</c>, so the program knows a task started it: a hook's
    /// task then does nothing where the hook file runs SessionHooks' own line, and the recover task
    /// recovers only when the task runner was asked for it, not whenever a plain <c>dotnet husky run</c>
    /// runs every task.
    /// </summary>
    public static IReadOnlyList<JsonObject> Tasks(bool hookTasks = true) =>
    [
        .. (hookTasks ? InstallLayout.TaskRunnerHooks : []).Select(hook => Task(TaskPrefix + hook, hook, InstallLayout.TakesArguments(hook) ? [hook, "${args}"] : [hook])),
        Task(RecoverTask, RecoverGroup, ["recover"]),
    ];

    /// <summary>Every task name SessionHooks has written, the retired ones included.</summary>
    private static HashSet<string> OwnNames() => [.. Tasks().Select(t => (string)t["name"]!), .. Retired];

    public static TaskRunnerEdit Merge(string? existing, string displayPath, bool hookTasks = true)
    {
        var root = existing is null ? new JsonObject { ["$schema"] = SchemaUrl, ["tasks"] = new JsonArray() } : Parse(existing, displayPath);
        var tasks = TaskArray(root, displayPath);
        var wanted = Tasks(hookTasks);
        var names = wanted.Select(t => (string)t["name"]!).ToHashSet(StringComparer.Ordinal);
        var own = OwnNames();
        List<string> added = [], updated = [], removed = [];
        for (var i = tasks.Count - 1; i >= 0; i--)
        {
            if (NameOf(tasks[i]) is { } name && own.Contains(name) && !names.Contains(name))
            {
                removed.Insert(0, name);
                tasks.RemoveAt(i);
            }
        }

        foreach (var task in wanted)
        {
            var name = (string)task["name"]!;
            var index = IndexOf(tasks, name);
            if (index < 0)
            {
                // As a node: JsonArray.Add<T> would wrap a JsonObject in a JsonValue through reflection (not AOT-safe).
                tasks.Add((JsonNode)task);
                added.Add(name);
            }
            else if (!JsonNode.DeepEquals(tasks[index], task))
            {
                tasks[index] = task;
                updated.Add(name);
            }
        }

        var changed = added.Count + updated.Count + removed.Count > 0;
        return new(changed ? Write(root, existing) : existing, added, updated, removed, existing is not null && HasComments(existing));
    }

    /// <summary>
    /// Removes our tasks. The text is null when nothing of the user's would remain, unless
    /// <paramref name="keepFile"/>: Husky.Net's task runner stops with an error when the file is missing.
    /// </summary>
    public static TaskRunnerEdit Remove(string existing, string displayPath, bool keepFile = false)
    {
        var root = Parse(existing, displayPath);
        var tasks = TaskArray(root, displayPath);
        var ours = OwnNames();
        List<string> removed = [];
        for (var i = tasks.Count - 1; i >= 0; i--)
        {
            if (NameOf(tasks[i]) is { } name && ours.Contains(name))
            {
                removed.Insert(0, name);
                tasks.RemoveAt(i);
            }
        }

        var empty = !keepFile && tasks.Count == 0 && root.All(p => p.Key is "tasks" or "$schema");
        return new(removed.Count == 0 ? existing : empty ? null : Write(root, existing), [], [], removed, HasComments(existing));
    }

    private static string? NameOf(JsonNode? task) =>
        task is JsonObject item && item["name"]?.GetValueKind() == JsonValueKind.String ? (string)item["name"]! : null;

    private static JsonObject Task(string name, string group, IReadOnlyList<string> launcherArguments) => new()
    {
        ["name"] = name,
        ["group"] = group,
        ["command"] = "sh",
        ["args"] = new JsonArray([LauncherScript.RepoPath, JsonValue.Create(LauncherScript.TaskVerb), .. launcherArguments.Select(a => JsonValue.Create(a))]),
    };

    private static JsonObject Parse(string text, string displayPath)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: ReadOptions) as JsonObject
                ?? throw Invalid(displayPath, 1, 1, "the file must hold a JSON object");
        }
        catch (JsonException exception)
        {
            throw Invalid(displayPath, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1, "the file is not valid JSON");
        }
    }

    private static JsonArray TaskArray(JsonObject root, string displayPath)
    {
        if (root["tasks"] is null)
        {
            root["tasks"] = new JsonArray();
        }

        return root["tasks"] as JsonArray ?? throw Invalid(displayPath, 1, 1, "\"tasks\" must be an array");
    }

    private static int IndexOf(JsonArray tasks, string name)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            if (NameOf(tasks[i]) == name)
            {
                return i;
            }
        }

        return -1;
    }

    // Written with the file's own indentation (Husky.Net's template uses three spaces), so the
    // diff shows only our tasks.
    private static string Write(JsonObject root, string? existing)
    {
        var (character, size) = Indentation(existing);
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentCharacter = character,
            IndentSize = size,
            NewLine = existing?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return root.ToJsonString(options) + options.NewLine;
    }

    private static (char Character, int Size) Indentation(string? text)
    {
        var line = text?.Split('\n').Skip(1).FirstOrDefault(l => l.Length > 0 && l[0] is ' ' or '\t');
        return line switch
        {
            null => (' ', 2),
            _ when line[0] == '\t' => ('\t', 1),
            _ => (' ', Math.Clamp(line.Length - line.TrimStart(' ').Length, 1, 8)),
        };
    }

    private static bool HasComments(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Comment)
            {
                return true;
            }
        }

        return false;
    }

    private static SessionHooksException Invalid(string displayPath, int line, int column, string message) =>
        new(DiagnosticCatalog.InvalidJson.At(displayPath, line, column, message, "correct task-runner.json, then run 'session install' again"));
}
