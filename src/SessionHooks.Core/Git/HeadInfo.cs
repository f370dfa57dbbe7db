namespace SessionHooks.Git;

/// <summary>
/// What HEAD names in this worktree. <see cref="Branch"/> is the short name ("feature/a"), null when
/// detached; <see cref="CommitId"/> is null on an unborn branch (no commit yet).
/// </summary>
internal sealed record HeadInfo(string? Branch, string? CommitId, bool IsDetached, bool IsUnborn);
