using System.Text.Json.Nodes;

namespace SessionHooks.Hooks.Tests;

/// <summary>
/// pre-push is the gate: what it refuses with the default configuration it refuses with any
/// configuration a repository can commit, and when it fails itself it refuses, naming the failure
/// and the deliberate bypass.
/// </summary>
public class PrePushFailsClosedTests
{
    public static IEnumerable<TestCaseData> ExtremeConfigs()
    {
        foreach (var hours in new[] { "0", "0.0", "5e-324", "1e-9", "87600", "1e308", "1.7976931348623157e308", "-1" })
        {
            yield return new TestCaseData($"{{ \"schema_version\": 2, \"stale_after_hours\": {hours}, \"rules\": {{ \"session_outdated\": \"error\" }} }}")
                .SetName($"Push_Refused_StaysRefused_WithStaleAfterHours({hours})");
        }

        var patterns = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)$"(a+)+b{i}(x|xx)+y{new string('c', 900)}")]);
        yield return new TestCaseData(new JsonObject { ["schema_version"] = 1, ["secret_patterns"] = patterns }.ToJsonString())
            .SetName("Push_Refused_StaysRefused_WithAThousandLongCatastrophicSecretPatterns");
        yield return new TestCaseData("{ \"schema_version\": 2, \"secret_patterns\": [\"(a)\\\\1\", \"(?<=x)y\"] }")
            .SetName("Push_Refused_StaysRefused_WithSecretPatternsTheLinearEngineRefuses");
        var cache = new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode)$"docs/{i}/{new string('p', 100)}.md")]);
        yield return new TestCaseData(new JsonObject { ["schema_version"] = 1, ["default_knowledge_cache"] = cache }.ToJsonString())
            .SetName("Push_Refused_StaysRefused_WithFiveThousandDefaultCacheEntries");
        var rules = new JsonObject(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create($"team_rule_{i}", (JsonNode?)"error")));
        yield return new TestCaseData(new JsonObject { ["schema_version"] = 1, ["rules"] = rules, ["note"] = new string('n', 1_000_000) }.ToJsonString())
            .SetName("Push_Refused_StaysRefused_WithTwoThousandUnknownRulesAndAMegabyteOfUnknownText");
    }

    [TestCaseSource(nameof(ExtremeConfigs))]
    public void PushRefusedWithoutTheConfig_IsRefusedWithIt(string config)
    {
        var repo = HookedRepository.Create();
        repo.Run("push", "-q", "origin", "main");
        repo.Repo.Write(".sessions/config.json", config + "\n");
        repo.Run("add", ".sessions/config.json");
        repo.Run("commit", "-q", "--no-verify", "-m", "team configuration");
        repo.CommitWithoutHooks("c.txt", "c\n", "unlogged change");

        var refused = repo.Try("push", "origin", "main");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("\"unlogged change\" has no Session-Id trailer").Or.Contain("push refused:"));
        Assert.That(refused.StandardError, Does.Not.Contain("   at ").And.Not.Contain("warning: internal failure"));
        Assert.That(repo.Run("ls-remote", "origin", "main"), Does.Not.Contain(repo.Repo.Head()), "the remote did not get the commit");
    }

    [Test]
    public void PrePush_ThatFailsItself_RefusesInOneLineNamingTheBypass()
    {
        var repo = HookedRepository.Create();
        repo.Repo.Commit("a.txt", "a\n");
        var outside = Path.Combine(Path.GetDirectoryName(repo.Root)!, "outside-state");
        Directory.CreateDirectory(outside);
        var state = Path.Combine(repo.Repo.GitDir(), "sessionhooks");
        Directory.Delete(state, recursive: true);
        Directory.CreateSymbolicLink(state, outside);

        var refused = repo.Try("push", "origin", "main");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        var lines = refused.StandardError.Split('\n').Where(l => l.StartsWith("SessionHooks pre-push:", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), refused.StandardError);
        Assert.That(lines[0], Does.Contain("push refused:").And.Contain("SH5007").And.EndWith("git push --no-verify"));
        Assert.That(Directory.GetFileSystemEntries(outside), Is.Empty, "nothing written through the link");

        var bypass = repo.Try("push", "--no-verify", "origin", "main");
        Assert.That(bypass.ExitCode, Is.Zero, bypass.ToString());
    }
}
