using SessionHooks.Safety;

namespace SessionHooks;

/// <summary>
/// Where SessionHooks keeps its own state inside the git dir, never in the worktree: the one place
/// that knows these paths. What all worktrees of a clone share lives in the common git dir; what
/// belongs to one worktree's checkout (a commit in progress) in that worktree's git dir.
/// </summary>
internal sealed class StatePaths(string gitDir, string commonGitDir)
{
    /// <summary><c>&lt;common git dir&gt;/sessionhooks</c>.</summary>
    public string Root { get; } = Path.Combine(commonGitDir, "sessionhooks");

    /// <summary>Lock files of the records shared by the worktrees (the pending area).</summary>
    public string SharedLocks => Path.Combine(Root, "locks");

    /// <summary>Lock files of this worktree's records (its <c>.sessions/</c> files).</summary>
    public string WorktreeLocks { get; } = Path.Combine(gitDir, "sessionhooks", "locks");

    /// <summary>What was logged or changed and not yet recorded by a commit, one file per session.</summary>
    public string Pending => Path.Combine(Root, "pending");

    /// <summary>The records a commit of this worktree is recording, between pre-commit and post-commit.</summary>
    public string CommitInProgress { get; } = Path.Combine(gitDir, "sessionhooks", "commit");

    /// <summary>The hooks' logs.</summary>
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>Blobs whose schema check found nothing.</summary>
    public string ValidatedBlobs => Path.Combine(Root, "validated-blobs");

    /// <summary>An empty hooks folder, for the commits SessionHooks makes itself with the hooks off.</summary>
    public string NoHooks => Path.Combine(Root, "no-hooks");

    /// <summary>
    /// The hooks folder install chose for this clone, one line: what the launcher reads on every hook,
    /// without starting <c>git config</c> (the git config key <c>sessionhooks.hooksdir</c> holds it too).
    /// </summary>
    public string HooksFolderFile => Path.Combine(Root, "hooksdir");

    /// <summary>A path that never holds a file: a configuration level libgit2 must not read.</summary>
    public string NoConfig => Path.Combine(Root, "no-such-config");

    /// <summary>A state file under the common git dir (<see cref="Root"/>), as a path SessionHooks owns (no links on the way).</summary>
    public OwnedPath Shared(string fullPath) => OwnedPath.InGitDir(commonGitDir, Path.GetRelativePath(commonGitDir, fullPath));

    /// <summary>A state file under this worktree's git dir, as a path SessionHooks owns.</summary>
    public OwnedPath OfWorktree(string fullPath) => OwnedPath.InGitDir(gitDir, Path.GetRelativePath(gitDir, fullPath));

    /// <summary>The state paths of a repository whose git dir is also its common dir (no linked worktree).</summary>
    public static StatePaths Of(string commonGitDir) => new(commonGitDir, commonGitDir);
}
