using SessionHooks.Testing;

namespace SessionHooks.Tasks.Tests.Package;

/// <summary>
/// A consumer's <c>dotnet build</c> of a clone whose files SessionHooks owns are committed links
/// to outside, or on a machine whose global core.hooksPath is a shared folder: the build writes and
/// reads nothing outside the clone, and says why in located lines, never a stack trace.
/// </summary>
public sealed class HostileBuildTests
{
    [Test]
    public void Build_OfACloneWithLinksWhereOurFilesBelong_TouchesNothingOutside()
    {
        var attacker = ConsumerProject.Create();
        var canary = Canary.Create(Path.GetDirectoryName(attacker.Repository.Root)!);
        Directory.CreateDirectory(attacker.Repository.Path(".husky"));
        Directory.CreateDirectory(attacker.Repository.Path(".sessions"));
        File.CreateSymbolicLink(attacker.Repository.Path(".husky/pre-commit"), canary.Path("file"));
        File.CreateSymbolicLink(attacker.Repository.Path(".sessions/ai_sessions.json"), canary.Path("private.json"));
        File.Delete(attacker.Repository.Path(".gitignore"));
        File.CreateSymbolicLink(attacker.Repository.Path(".gitignore"), canary.Path("file"));
        attacker.Repository.Run("add", "-A");
        attacker.Repository.Run("commit", "-q", "-m", "links");
        var victim = attacker.Clone("victim");

        var build = victim.Build();

        canary.AssertUntouched();
        Assert.That(build.Output, Does.Not.Contain(Canary.Token).And.Not.Contain("   at "));
        Assert.That(build.StandardOutput, Does.Match(@"/\.sessions/ai_sessions\.json\(1,1\): error SH5007: "), build.ToString());
        Assert.That(build.StandardOutput, Does.Match(@"/\.husky/pre-commit\(1,1\): warning SH5007: \.husky/pre-commit is a symbolic link"), build.ToString());
        Assert.That(ProblemMatcher.SessionHooksLines(build.StandardOutput).Select(ProblemMatcher.Problem), Has.All.Null, "every line one an IDE can open");
        Assert.That(build.ExitCode, Is.Not.Zero, "validation of a linked session file is an error");
        Assert.That(victim.Repository.Try("config", "--get", "core.hooksPath").ExitCode, Is.Not.Zero, "install wrote no config");
    }

    [Test]
    public void Build_WithAGlobalHooksPath_WritesNoHookThere_AndStillBuilds()
    {
        var consumer = ConsumerProject.Create();
        var canary = Canary.Create(Path.GetDirectoryName(consumer.Repository.Root)!);
        consumer.Repository.Run("config", "--global", "core.hooksPath", canary.Path("global-hooks"));

        var build = consumer.Build();

        canary.AssertUntouched();
        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(build.StandardOutput, Does.Contain("warning SH5009: core.hooksPath (global git config) is " + canary.Path("global-hooks")));
        Assert.That(build.Output, Does.Not.Contain("   at "));
    }
}
