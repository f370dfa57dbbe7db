using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

/// <summary>A configuration value as git uses it, and the scope it comes from.</summary>
/// <param name="Scope">git's name for it: <c>system</c>, <c>global</c>, <c>local</c>, <c>worktree</c> or <c>command</c>.</param>
internal sealed record ScopedConfigValue(string Value, string Scope)
{
    /// <summary>Set in this clone's own configuration, which a cloned repository cannot bring.</summary>
    public bool IsRepositoryLocal => Scope is "local" or "worktree";
}

/// <summary>Which configuration file a value git uses comes from (<c>git config --show-scope</c>, git 2.26 or later).</summary>
internal static class GitConfigScopes
{
    // git config's documented exit code for a key that is not set.
    private const int KeyNotSet = 1;

    private static readonly string[] AsPath = ["--type=path"];

    /// <summary>The value git would use for <paramref name="key"/> and its scope, or null when unset.</summary>
    /// <param name="asPath">Expands <c>~/</c> as git does for path-valued keys such as <c>core.hooksPath</c>.</param>
    public static ScopedConfigValue? GetEffective(string worktreeRoot, string key, bool asPath = false)
    {
        var result = GitCli.Run(worktreeRoot, ["config", "--show-scope", .. asPath ? AsPath : [], "--get", key]);
        if (result.ExitCode == KeyNotSet && result.StandardError.Length == 0)
        {
            return null;
        }

        var line = result.StandardOutput.TrimEnd('\n', '\r');
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (!result.Succeeded || tab < 0)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(".git/config", $"git config --show-scope {key} failed: {result.FirstErrorLine}"));
        }

        return new ScopedConfigValue(line[(tab + 1)..], line[..tab]);
    }
}
