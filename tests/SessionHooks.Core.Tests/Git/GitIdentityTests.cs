using SessionHooks.Diagnostics;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

public class GitIdentityTests
{
    [Test]
    public void Identity_FromConfiguration_IsWhatGitVarSays()
    {
        var repo = TempRepository.Create();
        repo.Run("config", "user.name", "Zoë O'Brien $(x)");
        repo.Run("config", "user.email", "zoe@example.org");
        var ident = repo.Run("var", "GIT_AUTHOR_IDENT");

        using var git = repo.OpenClean();
        var identity = git.Identity(_ => null);

        Assert.That(ident, Does.StartWith($"{identity.Name} <{identity.Email}> "));
        Assert.That(identity, Is.EqualTo(new SessionHooks.Git.GitIdentity("Zoë O'Brien $(x)", "zoe@example.org")));
    }

    [Test]
    public void Identity_WhenGitCommitSetsTheAuthorVariables_UsesThem()
    {
        var repo = TempRepository.Create();
        var variables = new Dictionary<string, string?> { ["GIT_AUTHOR_NAME"] = "Hook Author", ["GIT_AUTHOR_EMAIL"] = "hook@example.com" };
        Assert.That(repo.RunWith(variables, "var", "GIT_AUTHOR_IDENT"), Does.StartWith("Hook Author <hook@example.com> "));

        using var git = repo.OpenClean();

        Assert.That(git.Identity(name => variables.GetValueOrDefault(name)), Is.EqualTo(new SessionHooks.Git.GitIdentity("Hook Author", "hook@example.com")));
    }

    [Test]
    public void Identity_WhenGitKnowsNone_SaysHowToSetIt()
    {
        var repo = TempRepository.Create();
        repo.Run("config", "user.useConfigOnly", "true");
        repo.Run("config", "user.name", "");
        repo.Run("config", "user.email", "");

        using var git = repo.OpenClean();

        if (repo.Try("var", "GIT_AUTHOR_IDENT").ExitCode == 0)
        {
            Assert.Ignore("git found an identity elsewhere on this machine");
        }

        var exception = Assert.Throws<SessionHooksException>(() => git.Identity(_ => null));
        Assert.That(exception!.Diagnostic.Code, Is.EqualTo(DiagnosticCatalog.AuthorUnknown.Code));
        Assert.That(exception.Message, Does.Not.Contain("\n").And.Contain("git config user.name"));
    }
}
