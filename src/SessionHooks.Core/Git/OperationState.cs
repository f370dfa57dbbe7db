namespace SessionHooks.Git;

/// <summary>Reads the state files git leaves in a worktree's git directory while an operation is stopped.</summary>
internal static class OperationState
{
    public static InProgressOperation Read(string gitDir)
    {
        bool Has(string name) => File.Exists(Path.Combine(gitDir, name)) || Directory.Exists(Path.Combine(gitDir, name));

        // A rebase stopped on a merge or a pick also leaves MERGE_HEAD or CHERRY_PICK_HEAD: the rebase is what is in progress.
        if (Has("rebase-apply"))
        {
            return Has(Path.Combine("rebase-apply", "applying")) ? InProgressOperation.ApplyMailbox : InProgressOperation.Rebase;
        }

        if (Has("rebase-merge"))
        {
            return InProgressOperation.Rebase;
        }

        if (Has("MERGE_HEAD"))
        {
            return InProgressOperation.Merge;
        }

        if (Has("CHERRY_PICK_HEAD"))
        {
            return InProgressOperation.CherryPick;
        }

        if (Has("REVERT_HEAD"))
        {
            return InProgressOperation.Revert;
        }

        return Has("BISECT_LOG") ? InProgressOperation.Bisect : InProgressOperation.None;
    }

    public static string? MergeHead(string gitDir)
    {
        var file = Path.Combine(gitDir, "MERGE_HEAD");
        try
        {
            return File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.Length > 0)?.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
