namespace SessionHooks.Git;

/// <summary>A multi-step git operation that has stopped in this worktree, as git's own state files show it.</summary>
internal enum InProgressOperation
{
    None,
    Merge,
    Rebase,
    CherryPick,
    Revert,
    Bisect,

    /// <summary><c>git am</c>, which shares <c>rebase-apply/</c> with the old rebase backend.</summary>
    ApplyMailbox,
}
