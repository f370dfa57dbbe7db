using System.Runtime.CompilerServices;
using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

/// <summary>SessionHooks' own <c>.husky/</c> is what install writes, so it cannot drift from the installer.</summary>
public class RepositoryHuskyFolderTests
{
    [Test]
    public void CommittedHuskyFolder_IsWhatInstallWrites()
    {
        var husky = Path.Combine(RepositoryRoot(), ".husky");

        Assert.That(File.ReadAllText(Path.Combine(husky, "sessionhooks.sh")), Is.EqualTo(LauncherScript.Text));
        Assert.That(File.ReadAllText(Path.Combine(husky, "task-runner.json")), Is.EqualTo(TaskRunnerFile.Merge(null, "task-runner.json").Text));
        foreach (var hook in new[] { "post-checkout", "pre-commit", "pre-merge-commit", "pre-push" })
        {
            Assert.That(File.ReadAllText(Path.Combine(husky, hook)), Is.EqualTo(HookScript.NewFile(hook, besideLauncher: true)), hook);
        }
    }

    private static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
