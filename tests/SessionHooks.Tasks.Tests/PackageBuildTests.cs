using SessionHooks.Testing;

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
    public void Build_WithABrokenWorklogFileOfASession_FailsAtTheBadValue()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.Sessions);
        consumer.Repository.Write(SessionFileTexts.WorklogPath(), SessionFileTexts.Worklog("sleeping"));

        var build = consumer.Build();

        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        Assert.That(build.StandardOutput, Does.Contain(consumer.Repository.Path(SessionFileTexts.WorklogPath()) + "(8,15): error SH2003: "));
        Assert.That(build.Output, Does.Not.Contain("   at "));
    }

    /// <summary>
    /// VS Code's <c>$msCompile</c> problem matcher, and IDEs' error lists, read every problem line of the
    /// build: a bad value, a file without a format version and an earlier format each name their file by absolute path and a place in it.
    /// </summary>
    [Test]
    public void EveryProblemLine_MatchesMsCompile_AndNamesAnExistingFileByAbsolutePath()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.SessionsWithBadStatus);
        consumer.Repository.Write(".sessions/worklog.json", "{ \"entries\": [] }\n");
        consumer.Repository.Write(".sessions/config.json", "{\n  \"schema_version\": 1\n}\n");

        var build = consumer.Build();

        var lines = ProblemMatcher.SessionHooksLines(build.StandardOutput).ToList();
        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.StartsWith(consumer.Repository.Path(".sessions/ai_sessions.json") + "(11,17): error SH2003: "), build.ToString());
            Assert.That(lines, Has.Some.StartsWith(consumer.Repository.Path(".sessions/worklog.json") + "(1,1): error SH1011: "), build.ToString());
            Assert.That(lines, Has.Some.StartsWith(consumer.Repository.Path(".sessions/config.json") + "(2,21): warning SH1012: "), build.ToString());
            foreach (var line in lines)
            {
                Assert.That(ProblemMatcher.Problem(line), Is.Null);
            }
        });
    }

    [Test]
    public void SecondBuild_WithNothingChanged_SkipsValidationAndInstall()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.Sessions);
        consumer.Repository.Write(SessionFileTexts.WorklogPath(), SessionFileTexts.Worklog());
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

    [Test]
    public void NewWorklogFile_IsValidatedAgain()
    {
        var consumer = ConsumerProject.Create();
        consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.Sessions);
        consumer.Repository.Write(SessionFileTexts.WorklogPath(), SessionFileTexts.Worklog());
        Assert.That(consumer.Build().ExitCode, Is.Zero);

        // A commit adds a worklog file and changes no other session file.
        var added = SessionFileTexts.WorklogPath(chunk: "20261121T100000Z-a8b7c6d5");
        consumer.Repository.Write(added, SessionFileTexts.Worklog("sleeping").Replace("7k2m9qx4", "a8b7c6d5", StringComparison.Ordinal));
        var second = consumer.Build();

        Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
        Assert.That(second.StandardOutput, Does.Contain(consumer.Repository.Path(added) + "(8,15): error SH2003: "));
    }

    /// <summary>
    /// The whole way: the build installs the hooks, commits through them write a session's worklog
    /// file, the next build validates it and passes, and once the file is broken by hand the build fails at it.
    /// </summary>
    [Test]
    public void WorklogFileTheHooksWrote_IsValidatedByTheNextBuilds()
    {
        var consumer = ConsumerProject.Create();
        var repository = consumer.Repository;
        repository.Write(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions);
        var first = consumer.Build();
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        repository.Run("add", "--all");
        repository.Run("commit", "--quiet", "-m", "SessionHooks, installed by the build");
        repository.Run("checkout", "--quiet", "-b", "feature/records");
        // The native hooks folder (linux-x64/) holds the hook programs; the CLI is in the folder above, as the launcher looks.
        var hooksFolder = repository.Run("config", "--get", "sessionhooks.hooksdir").Trim();
        var session = new[] { hooksFolder, Path.Combine(hooksFolder, "..") }.Select(d => Path.GetFullPath(Path.Combine(d, "session.dll"))).First(File.Exists);
        var logged = repository.Git.Exec(repository.Root, "dotnet", [session, "log", "decision", "the build validates worklog files"], ConsumerProject.DotnetEnvironment());
        Assert.That(logged.ExitCode, Is.Zero, logged.ToString());
        repository.Commit("app/Records.cs", "namespace App;\n\npublic static class Records\n{\n}\n", "a commit that records the decision");
        var worklogs = Directory.GetFiles(repository.Path(".sessions/worklog"), "*.json", SearchOption.AllDirectories);
        Assert.That(worklogs, Has.Length.EqualTo(1), "the commit wrote one worklog file");

        var second = consumer.Build(arguments: "-v:d");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.StandardOutput, Does.Not.Contain("Skipping target \"SessionHooksValidate\""), "the new records were validated");
        var text = File.ReadAllText(worklogs[0]);
        var at = text.IndexOf("\"decision\"", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), text);
        var (line, column) = (text[..at].Count(c => c == '\n') + 1, at - text.LastIndexOf('\n', at));
        File.WriteAllText(worklogs[0], text.Remove(at, "\"decision\"".Length).Insert(at, "\"sleeping\""));

        var third = consumer.Build();

        Assert.That(third.ExitCode, Is.Not.Zero, third.ToString());
        Assert.That(third.StandardOutput, Does.Contain($"{worklogs[0]}({line},{column}): error SH2003: "));
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
