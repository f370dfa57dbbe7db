using System.Text;
using LibGit2Sharp;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Safety;
using GitChange = LibGit2Sharp.ChangeKind;
using ChangeKind = SessionHooks.Records.ChangeKind;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
{
    private static readonly CompareOptions StagedRenames = new() { Similarity = SimilarityOptions.Renames };

    /// <summary>HEAD (the empty tree when unborn) against the index being committed, like <c>git diff --cached -M --name-status</c>.</summary>
    public IReadOnlyList<StagedChange> StagedChanges() => StagedChangesAgainst(Head.CommitId);

    /// <summary>As <see cref="StagedChanges"/> against another commit (null: the empty tree), e.g. HEAD's parent for <c>commit --amend</c>.</summary>
    /// <remarks>
    /// The git command (<c>git diff-index --cached</c>), not libgit2, for a commit: libgit2 reads the
    /// whole index, checksum included, and walks the commit's whole tree, and both grow with every
    /// record file a commit adds (10,000 files at 100,000 entries: 25 ms more on every commit);
    /// git skips the folders its cache-tree knows unchanged. A plumbing command, so the user's
    /// diff settings (<c>diff.renames</c>, <c>diff.relative</c>) change nothing.
    /// </remarks>
    public IReadOnlyList<StagedChange> StagedChangesAgainst(string? commitId)
    {
        if (commitId is null)
        {
            return StagedChangesAgainstEmptyTree();
        }

        if (!ObjectIds.IsObjectId(commitId) || ResolveCommit(commitId) is null)
        {
            throw RevisionNotFound(commitId);
        }

        var result = RunGit(["diff-index", "--cached", "-M", "--name-status", "-z", "--no-ext-diff", commitId, "--"], extra: LiteralPaths);
        if (!result.Succeeded)
        {
            throw CommandFailed(result, "diff-index --cached", IndexFile);
        }

        return NameStatus(result.StandardOutput).OrderBy(c => c.Path, GitPathOrder.Instance).ToList();
    }

    /// <summary>What <c>git diff-index --name-status -z</c> prints: a status, then one path, or two for a rename or copy.</summary>
    private static IEnumerable<StagedChange> NameStatus(string output)
    {
        var fields = output.Split('\0');
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var status = fields[i];
            var kind = status.Length == 0 ? (ChangeKind?)null : status[0] switch
            {
                'A' => ChangeKind.Added,
                'D' => ChangeKind.Deleted,
                'M' => ChangeKind.Modified,
                'T' => ChangeKind.TypeChanged,
                'R' => ChangeKind.Renamed,
                'C' => ChangeKind.Copied,

                // An unresolved conflict cannot be committed; should one be asked about, it is a modification.
                'U' => ChangeKind.Modified,
                _ => null,
            };
            if (kind is ChangeKind.Renamed or ChangeKind.Copied && i + 2 < fields.Length)
            {
                yield return new StagedChange(fields[i + 2], kind.Value, fields[i + 1]);
                i++;
            }
            else if (kind is { } known)
            {
                yield return new StagedChange(fields[i + 1], known);
            }
        }
    }

    /// <summary>The first commit's changes: everything in the index, through libgit2 (there is no history yet to make it slow).</summary>
    private List<StagedChange> StagedChangesAgainstEmptyTree()
    {
        try
        {
            return IndexRepo.Diff.Compare<TreeChanges>(null, DiffTargets.Index, null, null, StagedRenames)
                .Select(c => KindOf(c.Status) is { } kind
                    ? new StagedChange(c.Path, kind, kind is ChangeKind.Renamed or ChangeKind.Copied ? c.OldPath : null)
                    : null)
                .OfType<StagedChange>()
                .OrderBy(c => c.Path, GitPathOrder.Instance)
                .ToList();
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(IndexFile, $"reading the staged changes failed: {OneLine(exception.Message)}"), exception);
        }
    }

    /// <summary>
    /// Stages the worktree's version of each path (or its removal) into the index being committed,
    /// as <c>git add</c> would (the <c>text</c>/<c>eol</c> attributes and <c>core.autocrlf</c> apply).
    /// A <c>git commit --only</c> commits a temporary index while the real one waits in
    /// <c>index.lock</c>; the paths go there too, or <c>git status</c> would show them changed afterwards.
    /// </summary>
    public void Stage(IReadOnlyList<string> repoPaths)
    {
        if (WorktreeRoot is null)
        {
            throw new SessionHooksException(
                DiagnosticCatalog.GitUnsupported.ForFile(GitDir, "a bare repository has no worktree to stage from"));
        }

        StageInto(IndexFile, repoPaths);
        var realIndex = Path.Combine(GitDir, "index.lock");
        if (!SamePath(IndexFile, realIndex) && !SamePath(IndexFile, Path.Combine(GitDir, "index")) && File.Exists(realIndex))
        {
            StageInto(realIndex, repoPaths);
        }
    }

    /// <summary>
    /// The paths under <paramref name="folder"/> that a merge, rebase or cherry-pick left unmerged
    /// in the index (git's conflicts), as <c>git ls-files --unmerged</c> lists them.
    /// </summary>
    public IReadOnlyList<string> UnmergedPaths(string folder)
    {
        var result = RunGit(["ls-files", "--unmerged", "-z", "--", folder], extra: LiteralPaths);
        if (!result.Succeeded)
        {
            return [];
        }

        // "<mode> <id> <stage>\t<path>", one line per stage.
        return [.. result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..])
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A blob's text by its id (as <see cref="IndexBlobIds"/> gives it); null when the repository has no such blob.</summary>
    public string? ReadBlob(string blobId) =>
        ObjectIds.IsObjectId(blobId) && Repo.Lookup<Blob>(blobId) is { } blob ? BlobText(blob) : null;

    /// <summary>The blob each path has in the index being committed (stage 0); a path not there is left out.</summary>
    /// <remarks>
    /// The index is read by git (<c>git ls-files</c>), as it is written (<see cref="StageInto"/>,
    /// <see cref="SetIndexEntries"/>): libgit2 reads all of it and checks its checksum first, and the
    /// index holds every record file of the history (10,000 at 100,000 entries), which made each
    /// commit that records cost 20–30 ms more per program at that size; git reads it in a few.
    /// </remarks>
    public Dictionary<string, string> IndexBlobIds(IReadOnlyList<string> repoPaths)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var asked = repoPaths.Where(IsTreePath).Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0)
        {
            return found;
        }

        var result = RunGit(["ls-files", "--stage", "-z", "--", .. asked], extra: LiteralPaths);
        if (!result.Succeeded)
        {
            throw CommandFailed(result, "ls-files --stage", IndexFile);
        }

        // "<mode> <id> <stage>\t<path>" for each entry.
        foreach (var record in result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var fields = tab > 0 ? record[..tab].Split(' ') : [];
            if (fields is [_, var id, "0"] && asked.Contains(record[(tab + 1)..], StringComparer.Ordinal))
            {
                found[record[(tab + 1)..]] = id;
            }
        }

        return found;
    }

    /// <summary>
    /// Puts index entries back as they were: each path to its blob (a regular file), or out of the
    /// index when the blob is null. The working tree is not touched.
    /// </summary>
    public void SetIndexEntries(IReadOnlyList<(string Path, string? BlobId)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        WriteIndexEntries(IndexFile, [.. entries.Select(e => (e.Path, e.BlobId, false))]);
    }

    /// <summary>
    /// Stages each path's worktree bytes, as they are (or its removal when the file is gone), into
    /// <paramref name="index"/> only. The blobs are written in-process; the entries by
    /// <c>git update-index --index-info</c>, which replaces an entry whatever its flags
    /// (<c>update-index --add</c> would drop a skip-worktree file and keep an assume-unchanged one
    /// as it was). No filter runs: the records are LF-ended UTF-8 written by SessionHooks, and a
    /// clean filter from <c>.gitattributes</c> (git-lfs, <c>working-tree-encoding</c>) would commit
    /// something the hooks cannot read back.
    /// </summary>
    private void StageInto(string index, IReadOnlyList<string> repoPaths)
    {
        var entries = new List<(string Path, string? BlobId, bool Executable)>();
        foreach (var path in repoPaths.Distinct(StringComparer.Ordinal))
        {
            var file = OwnedPath.InWorktree(WorktreeRoot!, path);
            if (file.ReadAllBytes() is not { } bytes)
            {
                entries.Add((path, null, false));
                continue;
            }

            var executable = !OperatingSystem.IsWindows() && File.GetUnixFileMode(file.FullPath).HasFlag(UnixFileMode.UserExecute);
            entries.Add((path, Repo.ObjectDatabase.Write<Blob>(bytes).Sha, executable));
        }

        WriteIndexEntries(index, entries);
    }

    /// <summary>Sets each path's entry (stage 0) in <paramref name="index"/> to a blob, or takes it out for a null blob.</summary>
    private void WriteIndexEntries(string index, List<(string Path, string? BlobId, bool Executable)> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var lines = new StringBuilder();
        foreach (var (path, blobId, executable) in entries)
        {
            if (!IsTreePath(path) || (blobId is not null && !ObjectIds.IsObjectId(blobId)))
            {
                throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(index, $"'{path}' cannot be staged as '{blobId}'"));
            }

            // "<mode> <id>\t<path>"; mode 0 takes the path out of the index.
            lines.Append(blobId is null ? $"0 {new string('0', Head.CommitId?.Length ?? 40)}\t{path}\0" : $"{(executable ? "100755" : "100644")} {blobId}\t{path}\0");
        }

        var result = RunGit(["update-index", "-z", "--index-info"], indexFile: index, standardInput: lines.ToString());
        if (!result.Succeeded)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(index,
                $"staging {string.Join(", ", entries.Select(e => e.Path))} failed: {result.FirstErrorLine}"));
        }
    }

    /// <summary>
    /// Which of these paths differ from HEAD in the index or the worktree, untracked ones included
    /// and ignored ones not, like <c>git status --porcelain -- &lt;paths&gt;</c>. A folder counts when anything under it does.
    /// A path the worktree holds exactly as HEAD does counts as unchanged even if something else was
    /// staged for it since: what the push leaves behind is then what it sends.
    /// </summary>
    public IReadOnlyList<string> PathsChangedSinceHead(IReadOnlyList<string> repoPaths)
    {
        if (repoPaths.Count == 0 || WorktreeRoot is null)
        {
            return [];
        }

        // The paths the worktree holds exactly as HEAD does are unchanged: the index need not be read
        // (GitRepository.WorktreeBlobs). The others are asked about one by one: libgit2 walks the
        // common prefix of all the paths asked at once, which for .sessions/ai_sessions.json and
        // .sessions/worklog/<id> is every file under .sessions/. Status only looks: libgit2 does not
        // write the refreshed index back (git's GIT_OPTIONAL_LOCKS=0).
        var head = Head.CommitId is { } id ? ResolveCommit(id)?.Tree : null;
        return repoPaths
            .Distinct(StringComparer.Ordinal)
            .Where(path => head is null || !WorktreeMatches(head, path))
            .Where(path => IndexRepo.RetrieveStatus(StatusOf(path)).Any(e => e.State is not (FileStatus.Unaltered or FileStatus.Ignored)
                // libgit2 reads the path as a pattern too ("star*.json" would match starry.json): keep the path itself and what is under it.
                && (e.FilePath == path || e.FilePath.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal))))
            .ToList();
    }

    private static StatusOptions StatusOf(string repoPath) => new()
    {
        Show = StatusShowOption.IndexAndWorkDir,
        PathSpec = [repoPath.TrimEnd('/')],
        IncludeUntracked = true,
        RecurseUntrackedDirs = true,
        IncludeIgnored = false,
        DetectRenamesInIndex = false,
        DetectRenamesInWorkDir = false,
        ExcludeSubmodules = false,
    };

    private static ChangeKind? KindOf(GitChange status) => status switch
    {
        GitChange.Added => ChangeKind.Added,
        GitChange.Deleted => ChangeKind.Deleted,
        GitChange.Modified => ChangeKind.Modified,
        GitChange.Renamed => ChangeKind.Renamed,
        GitChange.Copied => ChangeKind.Copied,
        GitChange.TypeChanged => ChangeKind.TypeChanged,

        // An unresolved conflict cannot be committed; should one be asked about, it is a modification.
        GitChange.Conflicted => ChangeKind.Modified,
        _ => null,
    };

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
