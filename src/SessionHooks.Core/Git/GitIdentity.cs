namespace SessionHooks.Git;

/// <summary>Who git records as the author of the next commit.</summary>
internal sealed record GitIdentity(string Name, string Email)
{
    /// <summary>Reads <c>Name &lt;email&gt; 1700000000 +0100</c>, the form of <c>git var GIT_AUTHOR_IDENT</c>.</summary>
    internal static GitIdentity? ParseIdent(string ident)
    {
        var open = ident.LastIndexOf('<');
        var close = ident.LastIndexOf('>');
        if (open < 0 || close < open)
        {
            return null;
        }

        return new GitIdentity(ident[..open].Trim(), ident[(open + 1)..close]);
    }
}
