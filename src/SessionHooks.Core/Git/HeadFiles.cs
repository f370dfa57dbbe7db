namespace SessionHooks.Git;

/// <summary>
/// Reads HEAD the way git stores it — <c>HEAD</c>, then the loose ref it names, then
/// <c>packed-refs</c> — so that knowing the branch and its commit does not load libgit2.
/// </summary>
internal static class HeadFiles
{
    private const string SymbolicPrefix = "ref: ";
    private const string BranchPrefix = "refs/heads/";

    // git follows at most this many symbolic refs before giving up (refs.c: SYMREF_MAXDEPTH).
    private const int MaxSymbolicDepth = 5;

    public static HeadInfo Read(string gitDir, string commonDir)
    {
        var head = FirstLine(Path.Combine(gitDir, "HEAD"));
        if (head is null)
        {
            return new HeadInfo(null, null, IsDetached: false, IsUnborn: true);
        }

        if (!head.StartsWith(SymbolicPrefix, StringComparison.Ordinal))
        {
            return new HeadInfo(null, head, IsDetached: true, IsUnborn: false);
        }

        var target = head[SymbolicPrefix.Length..].Trim();
        var branch = target.StartsWith(BranchPrefix, StringComparison.Ordinal) ? target[BranchPrefix.Length..] : target;
        var commit = Resolve(target, gitDir, commonDir);
        return new HeadInfo(branch, commit, IsDetached: false, IsUnborn: commit is null);
    }

    /// <summary>The commit id <paramref name="refName"/> points to, following symbolic refs; null when it does not exist.</summary>
    private static string? Resolve(string refName, string gitDir, string commonDir)
    {
        for (var depth = 0; depth < MaxSymbolicDepth; depth++)
        {
            var loose = FirstLine(LooseRefPath(refName, gitDir, commonDir));
            if (loose is null)
            {
                return PackedRef(refName, commonDir);
            }

            if (!loose.StartsWith(SymbolicPrefix, StringComparison.Ordinal))
            {
                return ObjectIds.IsObjectId(loose) ? loose : PackedRef(refName, commonDir);
            }

            refName = loose[SymbolicPrefix.Length..].Trim();
        }

        return null;
    }

    /// <summary>Branches, tags and remotes are shared by all worktrees; the rest (bisect, worktree refs) are each worktree's own.</summary>
    private static string LooseRefPath(string refName, string gitDir, string commonDir)
    {
        var shared = refName.StartsWith("refs/", StringComparison.Ordinal)
            && !refName.StartsWith("refs/bisect/", StringComparison.Ordinal)
            && !refName.StartsWith("refs/worktree/", StringComparison.Ordinal)
            && !refName.StartsWith("refs/rewritten/", StringComparison.Ordinal);
        return Path.Combine(shared ? commonDir : gitDir, refName);
    }

    /// <summary><c>packed-refs</c>: a <c>#</c> header, then <c>&lt;id&gt; &lt;name&gt;</c> lines, each maybe followed by a <c>^&lt;peeled id&gt;</c> line.</summary>
    private static string? PackedRef(string refName, string commonDir)
    {
        var file = Path.Combine(commonDir, "packed-refs");
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            foreach (var line in File.ReadLines(file))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && line[0] is not '#' and not '^' && line.AsSpan(space + 1).TrimEnd().SequenceEqual(refName))
                {
                    return line[..space];
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FirstLine(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
