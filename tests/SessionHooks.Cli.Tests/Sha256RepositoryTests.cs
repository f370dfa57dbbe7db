using SessionHooks.Testing;

namespace SessionHooks.Cli.Tests;

/// <summary>
/// git reads SHA-256 repositories; the libgit2 that LibGit2Sharp bundles is built without them. The
/// user gets one line naming that part, never a stack trace, and git itself keeps working.
/// </summary>
public class Sha256RepositoryTests
{
    [Test]
    public void Install_InASha256Repository_SaysInOneLineThatLibGit2CannotReadIt()
    {
        var repo = TempRepository.Create(null, "--object-format=sha256");
        repo.Commit("README.md", "# sha-256\n", "initial");
        Assert.That(repo.Head(), Has.Length.EqualTo(64), "git itself works here");

        var result = InstalledRepository.Session(repo, repo.Root, "install", "--hooks-dir", InstalledRepository.HooksFolder);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.Contain("error SH5002").And.Contain("SHA-256").And.Contain("libgit2"));
        Assert.That(result.Output, Does.Not.Contain("   at "));
    }
}
