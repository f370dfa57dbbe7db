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
    public void HookFolder_HoldsTheFrameworkDependentBuild_ForEveryRuntime(string assembly)
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackageFeed.Feed, "SessionHooks.0.1.0.nupkg"));
        var entry = package.GetEntry("tools/hooks/" + assembly);
        Assert.That(entry, Is.Not.Null, "tools/hooks/" + assembly + " is missing from the package");

        using var copy = new MemoryStream();
        using (var stream = entry!.Open())
            stream.CopyTo(copy);
        copy.Position = 0;
        using var image = new PEReader(copy);
        Assert.That(image.HasMetadata, Is.True, assembly + " is a .NET assembly");
    }

    [TestCase("sessionhooks-post-checkout")]
    [TestCase("sessionhooks-pre-commit")]
    [TestCase("sessionhooks-pre-push")]
    public void NativeFolder_HoldsEachHookAsALinuxX64Executable(string program)
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackageFeed.Feed, "SessionHooks.0.1.0.nupkg"));
        var entry = package.GetEntry("tools/hooks/linux-x64/" + program);
        Assert.That(entry, Is.Not.Null, "tools/hooks/linux-x64/" + program + " is missing (is clang installed?)");

        using var stream = entry!.Open();
        var header = new byte[20];
        stream.ReadExactly(header);
        Assert.That(header[..4], Is.EqualTo(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }), "an ELF executable");
        Assert.That(BitConverter.ToUInt16(header, 18), Is.EqualTo(62), "for x86-64 (EM_X86_64)");
        Assert.That(package.GetEntry("tools/hooks/" + program), Is.Null, "no apphost in the framework-dependent folder: it would run on one runtime only");
        Assert.That(package.Entries.Select(e => e.FullName), Has.Some.Match(@"^tools/hooks/linux-x64/libgit2-[0-9a-f]+\.so$"));

        // Where LibGit2Sharp looks beside itself: runtimes/<rid>/native/, once, for the tasks and for the framework-dependent hooks.
        Assert.That(package.Entries.Select(e => e.FullName), Has.Some.Match(@"^tasks/net10\.0/runtimes/linux-x64/native/libgit2-[0-9a-f]+\.so$"));
        Assert.That(package.Entries.Select(e => e.FullName), Has.Some.Match(@"^tools/hooks/runtimes/linux-x64/native/libgit2-[0-9a-f]+\.so$"));
        Assert.That(package.Entries.Select(e => e.FullName), Has.None.Contains("/native/runtimes/").And.None.Contains("/native/linux-x64/"));
    }

    [Test]
    public void HookFolder_HoldsNoDebugSymbolsOrDocs()
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackageFeed.Feed, "SessionHooks.0.1.0.nupkg"));
        var hookFiles = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/hooks/", StringComparison.Ordinal)).ToList();

        Assert.That(hookFiles, Has.Some.EndsWith("sessionhooks-pre-push.runtimeconfig.json"));
        Assert.That(hookFiles, Has.None.EndsWith(".pdb").And.None.EndsWith(".xml").And.None.EndsWith(".dbg").And.None.EndsWith(".stamp"));
    }
}
