using System.Text.RegularExpressions;

namespace SessionHooks.Hooks.Tests;

/// <summary>
/// The hooks git runs are the native programs where this runtime has them (always in CI, which
/// installs clang), and every hook loads the libgit2 shipped with it, never one of the system's.
/// </summary>
public partial class NativeHooksTests
{
    private static string NativeFolder => Path.Combine(HookedRepository.HooksFolder, "linux-x64");

    [Test]
    [Platform("Linux")]
    public void EachHook_LoadsTheLibGit2ShippedBesideIt_AndRunsNativeWhereBuilt()
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.That(Path.Combine(NativeFolder, "sessionhooks-pre-commit"), Does.Exist, "CI runs the hook tests against the native programs");
        }

        var repo = HookedRepository.Create();
        var debug = new Dictionary<string, string?> { ["SESSIONHOOKS_LOG"] = "debug" };
        Assert.That(repo.TryWith(debug, "checkout", "-q", "-b", "feature/native").ExitCode, Is.Zero);
        repo.Repo.Write("n.txt", "n\n");
        repo.Run("add", "n.txt");
        Assert.That(repo.TryWith(debug, "commit", "-q", "-m", "native").ExitCode, Is.Zero);
        Assert.That(repo.TryWith(debug, "push", "-q", "origin", "feature/native").ExitCode, Is.Zero);

        var log = string.Join('\n', Directory.GetFiles(Path.Combine(repo.Repo.GitDir(), "sessionhooks", "logs")).Select(File.ReadAllText));
        var runs = StartLine().Matches(log).ToDictionary(m => m.Groups["hook"].Value, m => (Runtime: m.Groups["runtime"].Value, Library: m.Groups["library"].Value));
        var native = Directory.Exists(NativeFolder);
        foreach (var hook in new[] { "post-checkout", "pre-commit", "pre-push" })
        {
            Assert.That(runs, Contains.Key(hook), log);
            var (runtime, library) = runs[hook];
            Assert.That(runtime, Is.EqualTo(native ? "NativeAOT" : "JIT-compiled"), hook);
            var shipped = native ? NativeFolder : Path.Combine(HookedRepository.HooksFolder, "runtimes", "linux-x64", "native");
            Assert.That(Path.GetDirectoryName(library), Is.EqualTo(shipped), hook + " loads the libgit2 shipped with it");
            Assert.That(Path.GetFileName(library), Does.Match(@"^libgit2-[0-9a-f]+\.so$"), hook);
        }
    }

    /// <summary>
    /// The schema check goes through NJsonSchema and Newtonsoft.Json, whose trim/AOT warnings are
    /// suppressed (hooks/Directory.Build.props): here it runs in the native pre-push program.
    /// </summary>
    [Test]
    public void PrePush_RefusesASchemaBreakingFile_ThroughTheSchemaLibrary()
    {
        var repo = HookedRepository.Create();
        var sessions = Path.Combine(repo.Root, ".sessions", "ai_sessions.json");
        File.WriteAllText(sessions, File.ReadAllText(sessions).Replace("\"status\": \"active\"", "\"status\": \"sleeping\"", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(sessions), Does.Contain("\"sleeping\""), "the file now breaks its schema");
        repo.Run("commit", "-q", "--no-verify", "-am", "break the schema");

        var push = repo.Try("push", "-q", "origin", "main");

        Assert.That(push.ExitCode, Is.Not.Zero, push.ToString());
        Assert.That(push.StandardError, Does.Match(@"ai_sessions\.json\(\d+,\d+\): error SH2003: "));
        Assert.That(push.StandardError, Does.Not.Contain("   at "));
    }

    [GeneratedRegex(@"""?(?<hook>post-checkout|pre-commit|pre-push)""? runs ""?(?<runtime>[A-Za-z-]+)""? with LibGit2Sharp ""?\S+?""? loaded from ""?(?<library>[^""\s]+)")]
    private static partial Regex StartLine();
}
