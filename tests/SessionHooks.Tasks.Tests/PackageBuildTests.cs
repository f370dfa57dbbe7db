namespace SessionHooks.Tasks.Tests.Package;

/// <summary>Real <c>dotnet build</c> runs of a project that references the packed SessionHooks package.</summary>
public sealed class PackageBuildTests
{
    [Test]
    public void Build_WithValidSessionFiles_PassesAndInstallsWorkingHooks()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions);

        var build = consumer.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(build.Output, Does.Contain("SessionHooks: installed the git hooks"));
        consumer.Repository.Run("checkout", "--quiet", "-b", "feature/build-installed");
        Assert.That(consumer.Repository.Read(".sessions/current_session.json"), Does.Contain("\"branch\": \"feature/build-installed\""));
    }

    [Test]
    public void Build_WithInvalidAiSessions_FailsAtTheBadValue()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.SessionsWithBadStatus);

        var build = consumer.Build();

        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        Assert.That(build.StandardOutput, Does.Contain(consumer.Repository.Path(".sessions/ai_sessions.json") + "(11,17): error SH2003: "));
        Assert.That(build.Output, Does.Not.Contain("   at "));
    }

    [Test]
    public void SecondBuild_WithNothingChanged_SkipsValidationAndInstall()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions);
        Assert.That(consumer.Build().ExitCode, Is.Zero);

        var second = consumer.Build(arguments: "-v:d");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.StandardOutput, Does.Contain("Skipping target \"SessionHooksValidate\" because all output files are up-to-date"));
        Assert.That(second.StandardOutput, Does.Contain("Skipping target \"SessionHooksInstall\" because all output files are up-to-date"));
    }

    [Test]
    public void EditedSessionFile_IsValidatedAgain()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions);
        Assert.That(consumer.Build().ExitCode, Is.Zero);

        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.SessionsWithBadStatus);
        var second = consumer.Build();

        Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
        Assert.That(second.StandardOutput, Does.Contain("(11,17): error SH2003: "));
    }

    [TestCase("CI", "true")]
    [TestCase("SESSIONHOOKS", "0")]
    public void Build_WhereHooksAreNotWanted_InstallsNothing(string variable, string value)
    {
        var consumer = ConsumerProject.Create();

        var build = consumer.Build(new Dictionary<string, string?> { [variable] = value });

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(Directory.Exists(consumer.Repository.Path(".husky")), Is.False);
        Assert.That(consumer.Repository.Try("config", "--get", "sessionhooks.hooksdir").ExitCode, Is.Not.Zero);
    }
}
