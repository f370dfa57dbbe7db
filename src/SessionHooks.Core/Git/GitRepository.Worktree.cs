using LibGit2Sharp;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using ChangeKind = SessionHooks.Records.ChangeKind;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
{
    private static readonly CompareOptions WorktreeRenames = new() { Similarity = SimilarityOptions.Renames, IncludeUnmodified = false };

    /// <summary>
    /// The files that differ between a commit (the empty tree for null) and the working tree,
    /// committed or not, untracked ones added, <c>.sessions/</c> left out: what a piece of work
    /// touched since it started at that commit.
    /// </summary>
    public IReadOnlyList<StagedChange> ChangedSince(string? commitId)
    {
        if (WorktreeRoot is null)
        {
            return [];
        }

        var tree = commitId is null ? null : ResolveCommit(commitId)?.Tree ?? throw RevisionNotFound(commitId);
        try
        {
            var changes = IndexRepo.Diff.Compare<TreeChanges>(tree, DiffTargets.Index | DiffTargets.WorkingDirectory, null, null, WorktreeRenames)
                .Select(c => KindOf(c.Status) is { } kind ? new StagedChange(c.Path, kind, kind is ChangeKind.Renamed or ChangeKind.Copied ? c.OldPath : null) : null)
                .OfType<StagedChange>();

            // Status only looks: libgit2 does not write the refreshed index back.
            var untracked = IndexRepo.RetrieveStatus(new StatusOptions { Show = StatusShowOption.WorkDirOnly, IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false })
                .Where(e => e.State.HasFlag(FileStatus.NewInWorkdir))
                .Select(e => new StagedChange(e.FilePath, ChangeKind.Added));
            return changes.Concat(untracked)
                .Where(c => !c.Path.StartsWith(RecordPaths.Folder + "/", StringComparison.Ordinal))
                .DistinctBy(c => c.Path)
                .OrderBy(c => c.Path, GitPathOrder.Instance)
                .ToList();
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(GitDir, $"reading the working tree's changes failed: {OneLine(exception.Message)}"), exception);
        }
    }
}
