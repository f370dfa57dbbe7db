using SessionHooks.Testing;

namespace SessionHooks.HuskyNet.Tests;

/// <summary>
/// Husky.Net 0.9.1, installed once per run as a local .NET tool (<c>dotnet new tool-manifest</c>,
/// <c>dotnet tool install Husky</c>) from the machine's own feeds into its package cache. Every test
/// repository then commits that tool manifest, as a repository using Husky.Net does, and runs the
/// real <c>dotnet husky</c> from the cache.
/// </summary>
[SetUpFixture]
public sealed class HuskyNetTool
{
    public const string Version = "0.9.1";

    /// <summary>The tool manifest <c>dotnet tool install</c> wrote (<c>dotnet-tools.json</c>).</summary>
    public static string Manifest { get; private set; } = "";

    /// <summary>Where the SDK keeps the tool's package; the tests' git processes run with another HOME.</summary>
    public static string PackagesFolder { get; private set; } = "";

    private static string CliHome => Path.Combine(TestDirectory.Root, "husky-tool", "cli-home");

    [OneTimeSetUp]
    public void Install()
    {
        var root = Path.Combine(TestDirectory.Root, "husky-tool");
        Directory.CreateDirectory(root);
        PackagesFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // The machine's own HOME (NuGet's configuration: where the feed is known), and the tests' CLI
        // home, where the SDK's local tool cache records the install for every test repository.
        Run(root, "new", "tool-manifest");
        Run(root, "tool", "install", "Husky", "--version", Version);
        Manifest = new[] { "dotnet-tools.json", Path.Combine(".config", "dotnet-tools.json") }
            .Select(p => File.Exists(Path.Combine(root, p)) ? File.ReadAllText(Path.Combine(root, p)) : null)
            .First(text => text is not null)!;
    }

    /// <summary>What <c>dotnet husky</c> needs in a test's environment, whose HOME is the test's own.</summary>
    public static IReadOnlyDictionary<string, string?> DotnetEnvironment() => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_HOME"] = CliHome,
        // Husky.Net's console output without colours or emoji, so tests read plain lines.
        ["HUSKY_NOUNICODE"] = "true",
    };

    private static void Run(string directory, params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = CliHome, ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1" };
        var result = ProcessRunner.Run("dotnet", arguments, directory, environment, timeout: TimeSpan.FromMinutes(5));
        File.AppendAllText(Path.Combine(directory, "install.log"), result + "\n\n");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
