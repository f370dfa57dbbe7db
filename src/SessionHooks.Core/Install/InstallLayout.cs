using SessionHooks.Records;

namespace SessionHooks.Install;

/// <summary>What install writes and where: the one place that names SessionHooks' hooks, tasks and config keys.</summary>
internal static class InstallLayout
{
    public const string HuskyFolder = ".husky";

    public const string TaskRunnerFileName = "task-runner.json";

    /// <summary>The git hooks SessionHooks wires, in the order they are reported (docs/records.md says what each does).</summary>
    public static readonly IReadOnlyList<string> GitHooks =
        ["post-checkout", "pre-commit", "pre-merge-commit", "prepare-commit-msg", "commit-msg", "post-commit", "post-rewrite", "pre-push"];

    /// <summary>The programs the hooks folder must hold (each as an apphost and/or a <c>.dll</c>).</summary>
    public static readonly IReadOnlyList<string> Programs =
        ["sessionhooks-post-checkout", "sessionhooks-pre-commit", "sessionhooks-commit-msg", "sessionhooks-post-commit", "sessionhooks-pre-push", "session"];

    /// <summary>
    /// The git hooks whose programs read git's arguments (post-checkout: refs and flag; the message
    /// hooks: the message file; post-rewrite: amend or rebase; pre-push: remote and url).
    /// </summary>
    public static bool TakesArguments(string hook) => hook is "post-checkout" or "prepare-commit-msg" or "commit-msg" or "post-rewrite" or "pre-push";

    /// <summary>
    /// The hooks git gives their input on standard input (pre-push: the refs being pushed; post-rewrite:
    /// the rewritten commits). Husky.Net's task runner starts every task with an empty standard input
    /// (CliWrap's default), so run as a task these hooks would see nothing to check or record: pre-push
    /// would let every push through. They keep SessionHooks' own line and never get a task.
    /// </summary>
    public static bool ReadsStandardInput(string hook) => hook is "pre-push" or "post-rewrite";

    /// <summary>The hooks that can run as task-runner.json tasks (see <see cref="ReadsStandardInput"/>).</summary>
    public static readonly IReadOnlyList<string> TaskRunnerHooks = [.. GitHooks.Where(h => !ReadsStandardInput(h))];

    /// <summary>What install says, and the README repeats, where Husky.Net is in use.</summary>
    public const string OwnLineReason =
        "pre-push and post-rewrite keep SessionHooks' own line and never get a task-runner task: Husky.Net's task runner does not pass git's " +
        "standard input to tasks, and git gives pre-push the refs being pushed and post-rewrite the rewritten commits there";

    public const string HooksDirKey = "sessionhooks.hooksdir";

    /// <summary>Set when install set <c>core.hooksPath</c>, so uninstall unsets only what it set.</summary>
    public const string SetHooksPathKey = "sessionhooks.sethookspath";

    public const string HooksPathKey = "core.hooksPath";

    public const string MergeDriverNameKey = "merge.sessionhooks.name";

    public const string MergeDriverKey = "merge.sessionhooks.driver";

    public const string MergeDriverName = "SessionHooks: merges session files by id";

    // Git runs merge drivers from the worktree root and shell-quotes what it substitutes.
    public const string MergeDriverCommand = "sh " + LauncherScript.RepoPath + " merge-driver %O %A %B %P";

    public const string AttributesHeader = "# SessionHooks: merge session files by id; keep the launcher's line ends for sh";

    public static readonly IReadOnlyList<string> AttributesLines =
    [
        RecordPaths.Registry + " merge=sessionhooks",
        RecordPaths.ArchiveRegistry + " merge=sessionhooks",
        RecordPaths.LegacyWorklog + " merge=sessionhooks",
        LauncherScript.RepoPath + " text eol=lf",
    ];

    public const string IgnoreHeader = "# SessionHooks: per-clone session state, locks and temporary files";

    public static readonly IReadOnlyList<string> IgnoreLines =
    [
        SessionFileKind.CurrentSession.RepoPath(),
        SessionFiles.Folder + "/*.lock",
        SessionFiles.Folder + "/**/.*.tmp",
    ];

    /// <summary>Where the offline copies of the schemas go, so each file's <c>$schema</c> resolves beside it.</summary>
    public const string SchemasFolder = SessionFiles.Folder + "/schemas";
}
