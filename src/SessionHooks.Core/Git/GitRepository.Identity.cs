using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
{
    /// <summary>
    /// The author git will record: <c>GIT_AUTHOR_NAME</c> and <c>GIT_AUTHOR_EMAIL</c> when set (git commit
    /// sets both for its hooks), else what the configuration says, read as <c>git var GIT_AUTHOR_IDENT</c> reads it.
    /// git's last resort, a name made up from the system's user and host, is not guessed at.
    /// </summary>
    public GitIdentity Identity() => Identity(Environment.GetEnvironmentVariable);

    internal GitIdentity Identity(Func<string, string?> variable)
    {
        if (variable("GIT_AUTHOR_NAME") is { Length: > 0 } name && variable("GIT_AUTHOR_EMAIL") is { Length: > 0 } email)
        {
            return new GitIdentity(name, email);
        }

        // git's order: author.* before user.*, then EMAIL for the address (git var GIT_AUTHOR_IDENT).
        var configuredName = GetEffectiveConfig("author.name") ?? GetEffectiveConfig("user.name");
        var configuredEmail = GetEffectiveConfig("author.email") ?? GetEffectiveConfig("user.email") ?? variable("EMAIL");
        var authorName = variable("GIT_AUTHOR_NAME") is { Length: > 0 } fromVariable ? fromVariable : configuredName;
        var authorEmail = variable("GIT_AUTHOR_EMAIL") is { Length: > 0 } emailVariable ? emailVariable : configuredEmail;
        if (!string.IsNullOrWhiteSpace(authorName) && !string.IsNullOrWhiteSpace(authorEmail))
        {
            return new GitIdentity(authorName.Trim(), authorEmail.Trim());
        }

        throw new SessionHooksException(DiagnosticCatalog.AuthorUnknown.ForFile(WorktreeRoot ?? GitDir, "git does not know who the author is (user.name and user.email are not set)"));
    }
}
