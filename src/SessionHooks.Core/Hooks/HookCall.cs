using SessionHooks.Git;

namespace SessionHooks.Hooks;

/// <summary>
/// One run of a hook program: the hook, its arguments and what came on standard input; and whether
/// git itself is running it. A hook task can also be started by hand — <c>dotnet husky run</c> runs
/// every task-runner.json group, <c>dotnet husky run --group pre-commit</c> one — and then it must do
/// nothing: no records staged, no commit made, nothing logged.
/// </summary>
/// <remarks>
/// What git 2.39 gives each hook (probed with hooks that print their arguments, standard input and
/// environment, for commits plain, <c>-a</c>, <c>--only</c>, amended and merged, rebases, cherry-picks,
/// checkouts and pushes): every commit hook — pre-commit, pre-merge-commit, prepare-commit-msg,
/// commit-msg, post-commit — gets <c>GIT_INDEX_FILE</c>, the index of the commit being made, from
/// <c>git commit</c>, <c>git merge</c> and the sequencer alike; the message hooks also get the message
/// file's path; post-checkout always gets two object ids and a flag; pre-push and post-rewrite get
/// their lines on standard input, and every hook gets <c>GIT_EXEC_PATH</c>. git runs pre-push with
/// nothing on standard input when every ref is up to date, so there an empty input is git's only
/// when <c>GIT_EXEC_PATH</c> says git started it.
/// </remarks>
internal sealed record HookCall(string Hook, IReadOnlyList<string> Arguments, string StandardInput = "")
{
    /// <summary>What the launcher passes first when a task-runner.json task started it (<c>sessionhooks.sh task &lt;hook&gt;</c>).</summary>
    public const string TaskRunnerOption = "--task-runner";

    /// <summary>Started by Husky.Net's task runner, through SessionHooks' task for the hook's group.</summary>
    public bool ViaTaskRunner { get; init; }

    /// <summary>The call for a program's arguments, with the launcher's <see cref="TaskRunnerOption"/> taken off.</summary>
    public static HookCall FromArguments(string hook, IReadOnlyList<string> arguments, string standardInput = "")
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var viaTaskRunner = arguments is [TaskRunnerOption, ..];
        return new HookCall(hook, viaTaskRunner ? arguments.Skip(1).ToArray() : arguments, standardInput) { ViaTaskRunner = viaTaskRunner };
    }

    /// <summary>Why this is not git running the hook (one clause, for the user), or null when it is.</summary>
    public string? NotRunByGit(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var indexSet = environment("GIT_INDEX_FILE") is { Length: > 0 };
        var startedByGit = environment("GIT_EXEC_PATH") is { Length: > 0 };
        return Hook switch
        {
            "pre-commit" or "pre-merge-commit" or "post-commit" when !indexSet => NoCommit,
            "prepare-commit-msg" or "commit-msg" when !indexSet => NoCommit,
            "prepare-commit-msg" or "commit-msg" when Arguments is not [{ Length: > 0 } file, ..] || !File.Exists(file) =>
                "no commit message file: git passes its path",
            "post-checkout" when Arguments is not [var previous, var next, "0" or "1", ..] || !ObjectIds.IsObjectId(previous) || !ObjectIds.IsObjectId(next) =>
                "without git's three arguments: the previous HEAD, the new HEAD and the checkout's kind",
            "post-rewrite" when Arguments is not ["amend" or "rebase", ..] => "without git's argument: amend or rebase",
            "post-rewrite" when !startedByGit && PostRewrite.Parse(StandardInput).Count == 0 =>
                "nothing on standard input, where git lists the rewritten commits",
            "pre-push" when !startedByGit && PushUpdate.Parse(StandardInput).Count == 0 =>
                "nothing on standard input, where git lists the refs being pushed",
            _ => null,
        };
    }

    private const string NoCommit = "GIT_INDEX_FILE is unset: no commit is being made";
}
