using System.Reflection;
using SessionHooks.Testing;

namespace SessionHooks.Tasks.Tests.Package;

/// <summary>
/// Packs the SessionHooks package once per run into a local folder feed, with its own package cache
/// so every run's consumers restore this run's package and not an older one of the same version.
/// </summary>
[SetUpFixture]
public sealed class PackageFeed
{
    public static string Feed { get; private set; } = "";

    public static string PackagesFolder { get; private set; } = "";

    /// <summary>Makes the build nodes of these tests their own: never reused by, or reusing, other builds on the machine.</summary>
    public static string NodeSalt { get; } = "sessionhooks-tests-" + Environment.ProcessId;

    [OneTimeSetUp]
    public void Pack()
    {
        var root = Path.Combine(TestDirectory.Root, "package");
        Feed = Path.Combine(root, "feed");
        var source = typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SourceRoot").Value!;
        var result = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(source, "tasks", "SessionHooks.Package", "SessionHooks.Package.csproj"), "-o", Feed, "--artifacts-path", Path.Combine(root, "artifacts"), "-nodeReuse:false"],
            source, ConsumerProject.DotnetEnvironment(), timeout: TimeSpan.FromMinutes(8));
        File.WriteAllText(Path.Combine(root, "pack.log"), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());

        // Set only now: the pack itself builds from the machine's package cache, as any build here does.
        PackagesFolder = Path.Combine(root, "packages");
    }

    [OneTimeTearDown]
    public void ShutDownBuildNodes() =>
        // Only the nodes carrying this run's salt answer, so other builds on the machine are left alone.
        ProcessRunner.Run("dotnet", ["build-server", "shutdown", "--msbuild"], TestDirectory.Root, ConsumerProject.DotnetEnvironment());
}
