using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

/// <summary>libgit2 is LibGit2Sharp's own, from its NuGet package, never one the system has installed.</summary>
public class BundledLibGit2Tests
{
    [Test]
    [Platform("Linux")]
    public void OpeningARepository_MapsThePackagesLibGit2IntoTheProcess()
    {
        var repo = TempRepository.Create();
        var commit = repo.CommitAt("a.txt", "a\n");

        using (var git = repo.OpenClean())
        {
            // Line counts are asked of libgit2 in-process.
            Assert.That(git.NumStat(commit).Select(s => s.Path), Is.EqualTo(new[] { "a.txt" }));
        }

        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && Path.GetFileName(fields[5]).StartsWith("libgit2", StringComparison.Ordinal))
            .Select(fields => fields[5].Trim())
            .Distinct()
            .ToList();
        var bundled = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");

        Assert.That(mapped, Has.Count.EqualTo(1), "exactly one libgit2 is loaded: " + string.Join(", ", mapped));
        Assert.That(Path.GetDirectoryName(mapped[0]), Is.EqualTo(bundled));
        Assert.That(Path.GetFileName(mapped[0]), Does.Match(@"^libgit2-[0-9a-f]+\.so$"), "LibGit2Sharp.NativeBinaries' name, not a system soname like libgit2.so.1.5");
    }
}
