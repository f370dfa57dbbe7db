using System.Globalization;

namespace SessionHooks.Git;

/// <summary>One line of HEAD's reflog: what HEAD was, what it became, and git's reason.</summary>
public sealed record ReflogEntry(string Old, string New, string Message);

public sealed partial class GitRepository
{
    /// <summary>
    /// The commits reachable from <paramref name="tip"/> and from none of <paramref name="excluded"/>,
    /// newest first, at most <paramref name="max"/>; each with the session its trailer names.
    /// </summary>
    public IReadOnlyList<CommitInfo> Commits(string tip, IReadOnlyList<string> excluded, int max)
    {
        if (FindCommitId(tip) is not { } id)
        {
            return [];
        }

        List<string> arguments =
        [
            "rev-list", "--date-order", "--ignore-missing", "--no-commit-header", "--format=" + CommitRecords.Format,
            "--max-count=" + max.ToString(CultureInfo.InvariantCulture), "--end-of-options", id,
        ];
        arguments.AddRange(excluded.Where(ObjectIds.IsObjectId).Select(id => "^" + id));
        var result = RunGit(arguments);
        return result.Succeeded ? CommitRecords.Parse(result.StandardOutput) : throw CommandFailed(result, "rev-list", GitDir);
    }

    /// <summary>The full id of the commit a name resolves to, or null.</summary>
    public string? FindCommitId(string commitish) =>
        commitish.Length > 0 && !commitish.StartsWith('-') && commitish.AsSpan().IndexOfAny("\n\r\0") < 0
            && Objects.Find(commitish + "^{commit}") is { Type: "commit" } header
            ? header.Id
            : null;

    /// <summary>
    /// The last <paramref name="count"/> lines of this worktree's HEAD reflog, newest first; none
    /// when there is no reflog. Read from the file git appends to (<c>logs/HEAD</c>), whose lines are
    /// <c>&lt;old&gt; &lt;new&gt; &lt;ident&gt; &lt;time&gt; &lt;zone&gt;\t&lt;message&gt;</c>.
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
    /// The files under <paramref name="folder"/> that differ between two commits (the empty tree
    /// for a null <paramref name="from"/>), like <c>git diff-tree -r --no-renames --name-status</c>.
    /// </summary>
    public IReadOnlyList<StagedChange> ChangesBetween(string? from, string to, string folder)
    {
        if ((from is not null && !ObjectIds.IsObjectId(from)) || !ObjectIds.IsObjectId(to))
        {
            throw RevisionNotFound(from ?? to);
        }

        var result = RunGit(["diff-tree", "-r", "--no-renames", "--name-status", "-z", from ?? EmptyTree, to, "--", folder], extra: LiteralPaths);
        return result.Succeeded ? NameStatus.Parse(result.StandardOutput) : throw CommandFailed(result, "diff-tree", GitDir);
    }

    /// <summary>The files a commit changes against its first parent, with renames, as a worklog entry lists them.</summary>
    public IReadOnlyList<StagedChange> FilesOf(CommitInfo commit)
    {
        var parent = commit.Parents.Count > 0 ? commit.Parents[0] : EmptyTree;
        var result = RunGit(["diff-tree", "-r", "-M", "--name-status", "-z", parent, commit.Id]);
        return result.Succeeded
            ? [.. NameStatus.Parse(result.StandardOutput).OrderBy(c => c.Path, GitPathOrder.Instance)]
            : throw CommandFailed(result, "diff-tree", GitDir);
    }

    /// <summary>True when the two commits' trees are the same outside <paramref name="folder"/>.</summary>
    public bool SameTreeOutside(string a, string b, string folder)
    {
        if (!ObjectIds.IsObjectId(a) || !ObjectIds.IsObjectId(b))
        {
            return false;
        }

        var result = RunGit(["diff-tree", "--quiet", "-r", a, b, "--", ".", ":(exclude)" + folder], extra: MagicPaths);
        return result.ExitCode == 0;
    }

    /// <summary>The files under <paramref name="folder"/> in a commit's tree, as repository paths.</summary>
    public IReadOnlyList<string> FilesAt(string commitId, string folder)
    {
        if (!ObjectIds.IsObjectId(commitId))
        {
            throw RevisionNotFound(commitId);
        }

        var result = RunGit(["ls-tree", "-r", "-z", "--name-only", commitId, "--", folder], extra: LiteralPaths);
        return result.Succeeded
            ? [.. result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)]
            : throw CommandFailed(result, "ls-tree", GitDir);
    }

    /// <summary>The blob a path has in the index being committed (stage 0), or null.</summary>
    public string? IndexBlobId(string repoPath) =>
        IsTreePath(repoPath) && Objects.Find(":0:" + repoPath) is { Type: "blob" } header ? header.Id : null;

    /// <summary>Stages the worktree's version of each path into the index being committed, and only there.</summary>
    public void StageIntoIndex(IReadOnlyList<string> repoPaths)
    {
        StageInto(IndexFile, repoPaths);
        ForgetIndexReads();
    }

    /// <summary>
    /// Puts index entries back as they were: each path to its blob (a regular file), or out of the
    /// index when the blob is null. The working tree is not touched.
    /// </summary>
    public void SetIndexEntries(IReadOnlyList<(string Path, string? BlobId)> entries)
    {
        var remove = entries.Where(e => e.BlobId is null).Select(e => e.Path).ToList();
        if (remove.Count > 0)
        {
            var removed = RunGit(["update-index", "--force-remove", "--", .. remove]);
            if (!removed.Succeeded)
            {
                throw CommandFailed(removed, "update-index --force-remove", IndexFile);
            }
        }

        foreach (var (path, blob) in entries.Where(e => e.BlobId is not null))
        {
            if (!ObjectIds.IsObjectId(blob))
            {
                throw RevisionNotFound(blob!);
            }

            var set = RunGit(["update-index", "--add", "--cacheinfo", $"100644,{blob},{path}"]);
            if (!set.Succeeded)
            {
                throw CommandFailed(set, "update-index --cacheinfo", IndexFile);
            }
        }

        ForgetIndexReads();
    }

    /// <summary>
    /// Adds (or replaces) a trailer in a commit message file as git itself would, with
    /// <c>git interpret-trailers</c>, which knows the comment character, the scissors line and
    /// where a trailer block begins.
    /// </summary>
    public void SetTrailer(string messageFile, string key, string value)
    {
        var result = RunGit(["interpret-trailers", "--in-place", "--if-exists", "replace", "--if-missing", "add",
            "--trailer", $"{key}: {value}", "--", Path.GetFullPath(messageFile)]);
        if (!result.Succeeded)
        {
            throw CommandFailed(result, "interpret-trailers", messageFile);
        }
    }

    /// <summary>
    /// Commits the working tree's version of <paramref name="repoPaths"/>, and nothing else the
    /// index holds, with the hooks off (<c>--only</c>, and a hooks folder that is empty).
    /// </summary>
    /// <returns>Null when the commit was made; git's reason otherwise.</returns>
    public string? CommitPaths(IReadOnlyList<string> repoPaths, IReadOnlyList<string> paragraphs)
    {
        var noHooks = Path.Combine(CommonDir, "sessionhooks", "no-hooks");
        Directory.CreateDirectory(noHooks);
        List<string> arguments = ["-c", "core.hooksPath=" + noHooks, "commit", "--quiet", "--no-verify"];
        foreach (var paragraph in paragraphs)
        {
            arguments.AddRange(["-m", paragraph]);
        }

        arguments.AddRange(["--only", "--", .. repoPaths]);
        var result = RunGit(arguments, extra: LiteralPaths);
        ForgetIndexReads();
        return result.Succeeded ? null : result.FirstErrorLine;
    }

    /// <summary>The character that starts a comment line in commit messages (<c>core.commentChar</c>; '#' by default).</summary>
    public char CommentChar()
    {
        var configured = GitConfig.GetEffective(WorktreeRoot ?? GitDir, "core.commentChar");
        return configured is { Length: 1 } single ? single[0] : '#';
    }

    // A folder named by us is a name, not a pattern, whatever the user's environment says.
    private static readonly Dictionary<string, string?> LiteralPaths = new()
    {
        ["GIT_LITERAL_PATHSPECS"] = "1",
        ["GIT_GLOB_PATHSPECS"] = null,
        ["GIT_NOGLOB_PATHSPECS"] = null,
        ["GIT_ICASE_PATHSPECS"] = null,
    };

    // ':(exclude)' is pathspec magic, which literal pathspecs switch off.
    private static readonly Dictionary<string, string?> MagicPaths = new()
    {
        ["GIT_LITERAL_PATHSPECS"] = null,
        ["GIT_GLOB_PATHSPECS"] = null,
        ["GIT_NOGLOB_PATHSPECS"] = null,
        ["GIT_ICASE_PATHSPECS"] = null,
    };

    // The object reader answers from the index as it was when it started.
    private void ForgetIndexReads()
    {
        reader?.Dispose();
        reader = null;
    }

    private static List<string> TailLines(string path, int count)
    {
        // A reflog grows for ever; read its end only.
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
