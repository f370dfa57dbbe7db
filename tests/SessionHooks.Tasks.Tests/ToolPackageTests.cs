using System.Reflection;
using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Tasks.Tests.Package;

/// <summary>The session command as a .NET tool: packed, installed from a local folder feed, run as <c>dotnet session</c>.</summary>
public sealed class ToolPackageTests
{
    [OneTimeSetUp]
    public void PackTheTool()
    {
        var root = Path.Combine(TestDirectory.Root, "tool-package");
        var source = typeof(ToolPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SourceRoot").Value!;
        var result = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(source, "src", "SessionHooks.Cli", "SessionHooks.Cli.csproj"), "-o", PackageFeed.Feed, "--artifacts-path", Path.Combine(root, "artifacts"), "-nodeReuse:false"],
            source, ConsumerProject.DotnetEnvironment(), timeout: TimeSpan.FromMinutes(8));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "pack.log"), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void LocalTool_InstallsFromAFolderFeed_AndItsHooksWork()
    {
        var repository = TempRepository.Create();
        repository.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="sessionhooks" value="{PackageFeed.Feed}" />
              </packageSources>
            </configuration>

            """);
        repository.Commit("README.md", "# tool\n", "initial commit");
        ProcessResult Dotnet(params string[] arguments)
        {
            var result = repository.Git.Exec(repository.Root, "dotnet", arguments, ConsumerProject.DotnetEnvironment());
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            return result;
        }

        Dotnet("new", "tool-manifest");
        Dotnet("tool", "install", "SessionHooks.Cli", "--prerelease");
        Assert.That(Dotnet("session", "--help").StandardOutput, Does.Contain("install").And.Contain("recover").And.Contain("context"));

        Dotnet("session", "install");
        repository.Run("add", "--all");
        repository.Run("commit", "--quiet", "-m", "Install SessionHooks");
        repository.Run("checkout", "--quiet", "-b", "feature/tool");

        var current = JsonNode.Parse(repository.Read(".sessions/current_session.json"))!;
        Assert.That((string?)current["metadata"]!["environment"]!["branch"], Is.EqualTo("feature/tool"));
        Assert.That(Dotnet("session", "status").StandardOutput, Does.Contain("feature/tool"));
    }
}
