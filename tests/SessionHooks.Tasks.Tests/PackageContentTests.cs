using System.IO.Compression;
using System.Reflection.PortableExecutable;

namespace SessionHooks.Tasks.Tests.Package;

/// <summary>What the packed SessionHooks package carries in <c>tools/hooks/</c>.</summary>
public sealed class PackageContentTests
{
    [TestCase("sessionhooks-post-checkout.dll")]
    [TestCase("sessionhooks-pre-commit.dll")]
    [TestCase("sessionhooks-pre-push.dll")]
    [TestCase("sessionhooks-commit-msg.dll")]
    [TestCase("sessionhooks-post-commit.dll")]
    [TestCase("session.dll")]
    [TestCase("SessionHooks.Core.dll")]
    [TestCase("Serilog.dll")]
    public void HookFolder_IsPrecompiledForThisMachine(string assembly)
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackageFeed.Feed, "SessionHooks.0.1.0.nupkg"));
        var entry = package.GetEntry("tools/hooks/" + assembly);
        Assert.That(entry, Is.Not.Null, "tools/hooks/" + assembly + " is missing from the package");

        using var copy = new MemoryStream();
        using (var stream = entry!.Open())
            stream.CopyTo(copy);
        copy.Position = 0;
        using var image = new PEReader(copy);

        // A ReadyToRun image carries a managed native header; a plain IL assembly has none.
        Assert.That(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.GreaterThan(0), assembly + " is IL only");
    }

    [Test]
    public void HookFolder_HoldsNoDebugSymbolsOrDocs()
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackageFeed.Feed, "SessionHooks.0.1.0.nupkg"));
        var hookFiles = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/hooks/", StringComparison.Ordinal)).ToList();

        Assert.That(hookFiles, Has.Some.EndsWith("sessionhooks-pre-push.runtimeconfig.json"));
        Assert.That(hookFiles, Has.None.EndsWith(".pdb").And.None.EndsWith(".xml"));
    }
}
