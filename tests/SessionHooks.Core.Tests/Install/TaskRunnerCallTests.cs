using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

/// <summary>The recover task reads what Husky.Net's task runner was asked for from the runner's command line.</summary>
public class TaskRunnerCallTests
{
    [TestCase("dotnet husky run --group session-recover", "AskedFor")]
    [TestCase("dotnet husky run -g Session-Recover", "AskedFor")]
    [TestCase("dotnet husky run --group=session-recover --no-partial", "AskedFor")]
    [TestCase("dotnet husky run --name sessionhooks-recover", "AskedFor")]
    [TestCase("/home/me/.dotnet/tools/husky run -n sessionhooks-recover", "AskedFor")]
    [TestCase("dotnet exec /pkgs/husky/0.9.1/tools/net8.0/any/Husky.dll run --group session-recover", "AskedFor")]
    [TestCase("dotnet husky run", "NotAskedFor")]
    [TestCase("dotnet husky run --group pre-commit", "NotAskedFor")]
    [TestCase("dotnet husky run --args session-recover", "NotAskedFor")]
    [TestCase("dotnet tool run husky run --quiet", "NotAskedFor")]
    [TestCase("sh .husky/sessionhooks.sh task recover", null)]
    [TestCase("dotnet husky install", null)]
    public void Classify_ReadsTheGroupOrNameTheRunnerWasAskedFor(string commandLine, string? request) =>
        Assert.That(TaskRunnerCall.Classify(commandLine.Split(' '), "session-recover", "sessionhooks-recover")?.ToString(), Is.EqualTo(request));

    [Test]
    public void Request_WithNoTaskRunnerAmongTheParents_IsUnknown() =>
        Assert.That(TaskRunnerCall.Request("session-recover", "sessionhooks-recover").ToString(), Is.EqualTo("Unknown"));
}
