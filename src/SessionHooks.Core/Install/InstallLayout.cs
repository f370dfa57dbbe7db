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
