using SessionHooks.Git;

namespace SessionHooks.Sessions;

/// <summary>One line of what git gives pre-push on standard input: <c>&lt;local-ref&gt; &lt;local-oid&gt; &lt;remote-ref&gt; &lt;remote-oid&gt;</c>.</summary>
public sealed record PushUpdate(string LocalRef, string LocalOid, string RemoteRef, string RemoteOid)
{
    public bool IsDelete => ObjectIds.IsZero(LocalOid);

    public bool IsNewRef => ObjectIds.IsZero(RemoteOid);

    public bool IsBranch => LocalRef.StartsWith("refs/heads/", StringComparison.Ordinal);

    public string? Branch => IsBranch ? LocalRef["refs/heads/".Length..] : null;

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
