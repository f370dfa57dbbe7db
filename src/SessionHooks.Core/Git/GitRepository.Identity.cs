using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// The author git will record: <c>GIT_AUTHOR_NAME</c> and <c>GIT_AUTHOR_EMAIL</c> when set (git commit
    /// sets both for its hooks), else what <c>git var GIT_AUTHOR_IDENT</c> says from the configuration.
    /// </summary>
    public GitIdentity Identity() => Identity(Environment.GetEnvironmentVariable);

    internal GitIdentity Identity(Func<string, string?> variable)
    {
        if (variable("GIT_AUTHOR_NAME") is { Length: > 0 } name && variable("GIT_AUTHOR_EMAIL") is { Length: > 0 } email)
        {
            return new GitIdentity(name, email);
        }

        var result = GitCli.Run(WorktreeRoot ?? GitDir, ["var", "GIT_AUTHOR_IDENT"], otherRepository: !environment.IsInherited);
        if (result.Succeeded && GitIdentity.ParseIdent(result.StandardOutput.Trim()) is { } identity)
        {
            return identity;
        }

        var reason = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal)) ?? "git var GIT_AUTHOR_IDENT failed";
        throw new SessionHooksException(DiagnosticCatalog.AuthorUnknown.ForFile(WorktreeRoot ?? GitDir, $"git does not know who the author is ({reason})"));
    }
}
