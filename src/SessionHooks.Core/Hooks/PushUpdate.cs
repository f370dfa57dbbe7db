using SessionHooks.Git;

namespace SessionHooks.Hooks;

/// <summary>One line of what git gives pre-push on standard input: <c>&lt;local-ref&gt; &lt;local-oid&gt; &lt;remote-ref&gt; &lt;remote-oid&gt;</c>.</summary>
internal sealed record PushUpdate(string LocalRef, string LocalOid, string RemoteRef, string RemoteOid)
{
    public bool IsDelete => ObjectIds.IsZero(LocalOid);

    public bool IsNewRef => ObjectIds.IsZero(RemoteOid);

    private const string BranchPrefix = "refs/heads/";

    /// <summary>
    /// The local branch whose commits this update sends, or null (a tag, a detached HEAD, a bare
    /// commit id). git names the source as it was typed, so <c>git push origin HEAD</c> and
    /// <c>HEAD:main</c> arrive as <c>HEAD</c>: that is the branch checked out, when the remote ref is a branch.
    /// </summary>
    public string? BranchPushed(HeadInfo head)
    {
        if (LocalRef.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            return LocalRef[BranchPrefix.Length..];
        }

        return LocalRef == "HEAD" && RemoteRef.StartsWith(BranchPrefix, StringComparison.Ordinal) && !head.IsDetached && head.CommitId == LocalOid
            ? head.Branch
            : null;
    }

    /// <summary>Parses git's lines; refs may hold spaces only in theory (git forbids them), so the oids are taken from the right.</summary>
    public static IReadOnlyList<PushUpdate> Parse(string standardInput)
    {
        var updates = new List<PushUpdate>();
        foreach (var raw in standardInput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ');
            if (parts.Length < 4)
            {
                continue;
            }

            updates.Add(new PushUpdate(
                string.Join(' ', parts[..^3]),
                parts[^3],
                parts[^2],
                parts[^1]));
        }

        return updates;
    }
}
