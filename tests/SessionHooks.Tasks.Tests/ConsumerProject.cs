using SessionHooks.Testing;

namespace SessionHooks.Tasks.Tests.Package;

/// <summary>A class library in a fresh git repository that references the packed SessionHooks package.</summary>
public sealed class ConsumerProject
{
    private ConsumerProject(TempRepository repository) => Repository = repository;

    public TempRepository Repository { get; }

    public string ProjectFolder => Repository.Path("app");

    public static IReadOnlyDictionary<string, string?> DotnetEnvironment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDNODEHANDSHAKESALT"] = PackageFeed.NodeSalt,
            ["CI"] = null,
            ["HUSKY"] = null,
            ["SESSIONHOOKS"] = null,
        };
        if (PackageFeed.PackagesFolder.Length > 0)
        {
            environment["NUGET_PACKAGES"] = PackageFeed.PackagesFolder;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>
    /// Restores from the local feed for SessionHooks and from the machine's own source for anything
    /// else (mapped, so the SessionHooks id is never looked up elsewhere), with the repository's SDK pinned.
    /// </summary>
    public static ConsumerProject Create(string? suffix = null)
    {
        var repository = TempRepository.Create(suffix);
        repository.Write("global.json", """{ "sdk": { "version": "10.0.401", "rollForward": "latestPatch" } }""" + "\n");
        repository.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="sessionhooks" value="{PackageFeed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="sessionhooks"><package pattern="SessionHooks" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>

            """);
        repository.Write("app/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SessionHooks" Version="*-*" />
              </ItemGroup>
            </Project>

            """);
        repository.Write("app/Greeting.cs", "namespace App;\n\npublic static class Greeting\n{\n    public const string Text = \"hello\";\n}\n");
        repository.Write(".gitignore", "bin/\nobj/\n");
        repository.Run("add", "--all");
        repository.Run("commit", "--quiet", "-m", "consumer project");
        return new ConsumerProject(repository);
    }

    /// <summary>A clone of this consumer's repository beside it, as someone who pulls it would have.</summary>
    public ConsumerProject Clone(string name)
    {
        var root = Path.Combine(Path.GetDirectoryName(Repository.Root)!, name);
        Repository.Git.Run(Path.GetDirectoryName(Repository.Root)!, "clone", "-q", Repository.Root, root);
        return new ConsumerProject(Repository.Sibling(root));
    }

    /// <summary>Runs <c>dotnet build</c> of the project, without node reuse unless asked, logged with the git commands.</summary>
    public ProcessResult Build(IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments)
    {
        if (!arguments.Contains("-nodeReuse:true"))
        {
            return Repository.Git.Exec(Repository.Root, "dotnet", ["build", ProjectFolder, "-nodeReuse:false", .. arguments], DotnetEnvironment(environment));
        }

        // A node kept alive inherits the build's output handles: through a pipe, reading the output
        // would wait for the node to end. A file is handed over instead, and read once the build is done.
        var output = Path.Combine(Path.GetDirectoryName(Repository.Root)!, $"build-{Guid.NewGuid():N}.log");
        var result = Repository.Git.Exec(Repository.Root, "sh",
            ["-c", "out=$1; shift; exec \"$@\" >\"$out\" 2>&1", "sh", output, "dotnet", "build", ProjectFolder, .. arguments],
            DotnetEnvironment(environment));
        return result with { StandardOutput = File.ReadAllText(output) };
    }
}
