using LibGit2Sharp;
using SessionHooks.Diagnostics;
using GitChange = LibGit2Sharp.ChangeKind;
using ChangeKind = SessionHooks.Records.ChangeKind;

namespace SessionHooks.Git;

/// <summary>One line of HEAD's reflog: what HEAD was, what it became, and git's reason.</summary>
internal sealed record ReflogEntry(string Old, string New, string Message);

/// <summary>The git questions of the record model (docs/records.md): commits with their sessions, reflog, tree changes, index entries.</summary>
internal sealed partial class GitRepository
{
    /// <summary>
    /// The commits reachable from <paramref name="tip"/> and from none of <paramref name="excluded"/>,
    /// newest first (children before parents), at most <paramref name="max"/>; each with the session
    /// its <c>Session-Id</c> trailer names.
    /// </summary>
    public IReadOnlyList<CommitInfo> Commits(string tip, IReadOnlyList<string> excluded, int max)
    {
        if (max <= 0 || ResolveCommit(tip) is not { } from)
        {
            return [];
        }

        var filter = new CommitFilter
        {
            IncludeReachableFrom = from,
            ExcludeReachableFrom = excluded.Select(ResolveCommit).OfType<Commit>().ToList(),
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        return [.. Repo.Commits.QueryBy(filter).Take(max).Select(CommitInfo.From)];
    }

    /// <summary>The full id of the commit a name resolves to, or null.</summary>
    public string? FindCommitId(string commitish) => ResolveCommit(commitish)?.Sha;

    /// <summary>
    /// The last <paramref name="count"/> lines of this worktree's HEAD reflog, newest first; none when
    /// there is none. Read from the file git appends to (<c>logs/HEAD</c>, lines
    /// <c>&lt;old&gt; &lt;new&gt; &lt;ident&gt; &lt;time&gt; &lt;zone&gt;\t&lt;message&gt;</c>), its end only: a
    /// reflog grows for ever, and post-commit asks this on every commit.
    /// </summary>
    public IReadOnlyList<ReflogEntry> HeadReflog(int count)
    {
        var path = Path.Combine(GitDir, "logs", "HEAD");
        try
        {
            if (!File.Exists(path))
            {
                return [];
            }

            var entries = new List<ReflogEntry>();
            foreach (var line in TailLines(path, count))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                var ids = line.Split(' ', 3);
                if (ids.Length == 3 && ObjectIds.IsObjectId(ids[0]) && ObjectIds.IsObjectId(ids[1]))
                {
                    entries.Add(new ReflogEntry(ids[0], ids[1], tab >= 0 ? line[(tab + 1)..] : ""));
                }
            }

            entries.Reverse();
            return entries;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// The files under <paramref name="folder"/> that differ between two commits (the empty tree for a
    /// null <paramref name="from"/>), renames not followed, like <c>git diff-tree -r --name-status</c>.
    /// </summary>
    public IReadOnlyList<StagedChange> ChangesBetween(string? from, string to, string folder)
    {
        var before = from is null ? null : ResolveCommit(from)?.Tree ?? throw RevisionNotFound(from);
        var after = ResolveCommit(to)?.Tree ?? throw RevisionNotFound(to);
        var name = folder.TrimEnd('/');
        return [.. TreeDifferences(before?[name]?.Target as Tree, after[name]?.Target as Tree, name + "/", skipFolder: null)
            .OrderBy(c => c.Path, GitPathOrder.Instance)];
    }

    /// <summary>The files a commit changes against its first parent, renames followed, as a worklog entry lists them.</summary>
    public IReadOnlyList<StagedChange> FilesOf(CommitInfo commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var after = ResolveCommit(commit.Id)?.Tree ?? throw RevisionNotFound(commit.Id);
        var before = commit.Parents.Count > 0 ? ResolveCommit(commit.Parents[0])?.Tree : null;
        return Changes(before, after, new CompareOptions { Similarity = SimilarityOptions.Renames });
    }

    /// <summary>True when the two commits' trees are the same outside <paramref name="folder"/>.</summary>
    public bool SameTreeOutside(string a, string b, string folder)
    {
        if (ResolveCommit(a)?.Tree is not { } first || ResolveCommit(b)?.Tree is not { } second)
        {
            return false;
        }

        return !TreeDifferences(first, second, "", skipFolder: folder.TrimEnd('/')).Any();
    }

    private const int MaxTreeDepth = 256;

    /// <summary>
    /// The files that differ between two trees (null: empty), as <c>git diff-tree -r</c> lists them
    /// without renames. A folder whose tree id is the same on both sides is not opened: libgit2's
    /// diff reads every tree of both commits, and a commit's record folders are thousands of trees
    /// (100,000 entries), where this reads only those on the way to what changed.
    /// </summary>
    /// <param name="skipFolder">A folder (from the trees' root) whose changes do not count: it is skipped unopened.</param>
    private static IEnumerable<StagedChange> TreeDifferences(Tree? before, Tree? after, string prefix, string? skipFolder, int depth = 0)
    {
        if (depth > MaxTreeDepth)
        {
            // Deeper than any repository of records goes (a crafted tree): the folder counts as one change.
            yield return new StagedChange(prefix.TrimEnd('/'), ChangeKind.Modified);
            yield break;
        }

        // Each tree is read once: LibGit2Sharp looks a tree up again for every entry asked by name, and
        // libgit2 keeps no tree of more than 4 KB in its cache (a worklog folder of 1,000 sessions is 50 KB).
        var olds = Entries(before);
        var news = Entries(after);
        foreach (var name in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
        {
            var path = prefix + name;
            var old = olds.GetValueOrDefault(name);
            var @new = news.GetValueOrDefault(name);
            if (path == skipFolder || (old is not null && @new is not null && old.Mode == @new.Mode && old.Target.Id == @new.Target.Id))
            {
                continue;
            }

            var oldTree = old?.Target as Tree;
            var newTree = @new?.Target as Tree;
            if (oldTree is not null || newTree is not null)
            {
                // A file that became a folder (or the other way) is the file's deletion or addition, and the folder's files.
                if (old is not null && oldTree is null)
                {
                    yield return new StagedChange(path, ChangeKind.Deleted);
                }

                if (@new is not null && newTree is null)
                {
                    yield return new StagedChange(path, ChangeKind.Added);
                }

                foreach (var change in TreeDifferences(oldTree, newTree, path + "/", skipFolder, depth + 1))
                {
                    yield return change;
                }

                continue;
            }

            yield return new StagedChange(path, (old, @new) switch
            {
                (null, _) => ChangeKind.Added,
                (_, null) => ChangeKind.Deleted,
                _ when (old.Mode == Mode.SymbolicLink) != (@new.Mode == Mode.SymbolicLink) => ChangeKind.TypeChanged,
                _ => ChangeKind.Modified,
            });
        }
    }

    /// <summary>The files under <paramref name="folder"/> in a commit's tree, as repository paths.</summary>
    public IReadOnlyList<string> FilesAt(string commitId, string folder)
    {
        var tree = ResolveCommit(commitId)?.Tree ?? throw RevisionNotFound(commitId);
        var files = new List<string>();
        if (tree[folder.TrimEnd('/')] is { TargetType: TreeEntryTargetType.Tree } entry)
        {
            Walk((Tree)entry.Target, folder.TrimEnd('/'), files);
        }

        return files;
    }

    /// <summary>Stages the worktree's version of each path into the index being committed, and only there.</summary>
    public void StageIntoIndex(IReadOnlyList<string> repoPaths) => StageInto(IndexFile, repoPaths);

    /// <summary>
    /// Adds (or replaces) a trailer in a commit message file as git itself would.
    /// </summary>
    /// <remarks>
    /// The git command (<c>git interpret-trailers</c>), not libgit2, which can read trailers but not
    /// place one: git knows the comment character, the scissors line, and where a trailer block
    /// begins, and the user's <c>trailer.*</c> settings.
    /// </remarks>
    public void SetTrailer(string messageFile, string key, string value)
    {
        // 'git merge -m' leaves its message without a final newline, and interpret-trailers then
        // joins the trailer to the subject's paragraph: the subject would read "merge x Session-Id: …".
        using (var file = new FileStream(messageFile, FileMode.Open, FileAccess.ReadWrite))
        {
            if (file.Length > 0 && file.Seek(-1, SeekOrigin.End) >= 0 && file.ReadByte() != '\n')
            {
                file.WriteByte((byte)'\n');
            }
        }

        var result = RunGit(["interpret-trailers", "--in-place", "--if-exists", "replace", "--if-missing", "add",
            "--trailer", $"{key}: {value}", "--", Path.GetFullPath(messageFile)]);
        if (!result.Succeeded)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(messageFile, $"git interpret-trailers failed: {result.FirstErrorLine}"));
        }
    }

    /// <summary>The character that starts a comment line in commit messages (<c>core.commentChar</c>; '#' by default).</summary>
    public char CommentChar() => GetEffectiveConfig("core.commentChar") is { Length: 1 } single ? single[0] : '#';

    private List<StagedChange> Changes(Tree? before, Tree after, CompareOptions options)
    {
        try
        {
            return [.. Repo.Diff.Compare<TreeChanges>(before, after, options)
                .Select(c => KindOf(c.Status) is { } kind
                    ? new StagedChange(c.Path, kind, c.Status is GitChange.Renamed or GitChange.Copied ? c.OldPath : null)
                    : null)
                .OfType<StagedChange>()
                .OrderBy(c => c.Path, GitPathOrder.Instance)];
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(GitDir, $"comparing trees failed: {OneLine(exception.Message)}"), exception);
        }
    }

    /// <summary>A tree's entries by name; of a name a crafted tree holds twice, the first (as git reads it).</summary>
    private static Dictionary<string, TreeEntry> Entries(Tree? tree)
    {
        var entries = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
        foreach (var entry in (IEnumerable<TreeEntry>?)tree ?? [])
        {
            entries.TryAdd(entry.Name, entry);
        }

        return entries;
    }

    private static void Walk(Tree tree, string prefix, List<string> files)
    {
        foreach (var entry in tree)
        {
            var path = prefix + "/" + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                Walk((Tree)entry.Target, path, files);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                files.Add(path);
            }
        }
    }

    private static List<string> TailLines(string path, int count)
    {
        const int Chunk = 64 * 1024;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var start = Math.Max(0, stream.Length - Chunk);
        stream.Seek(start, SeekOrigin.Begin);
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = text.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (start > 0 && lines.Count > 0)
        {
            lines.RemoveAt(0);
        }

        return lines.Count > count ? lines.GetRange(lines.Count - count, count) : lines;
    }
}
