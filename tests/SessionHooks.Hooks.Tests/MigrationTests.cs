using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Hooks.Tests;

/// <summary>
/// A repository written in format 1 (one <c>.sessions/worklog.json</c>) is upgraded to the record
/// model of docs/records.md by its next commit, or by <c>session recover</c>, losing no entry.
/// </summary>
public class MigrationTests
{
    [Test]
    public void AFormat1RepositoryOfTenThousandEntries_IsUpgradedByItsNextCommit_LosingNoEntry()
    {
        var repo = HookedRepository.Create();
        var ids = WriteFormat1(repo, sessions: 40, entries: 10_000);

        repo.Repo.Commit("a.txt", "a\n", "the first commit after the upgrade");

        Assert.That(File.Exists(Path.Combine(repo.Root, ".sessions/worklog.json")), Is.False);
        Assert.That(repo.CommittedFiles(), Does.Contain(".sessions/worklog.json"), "the same commit removes it");
        AssertUpgraded(repo, ids);
    }

    [Test]
    public void Recover_UpgradesAFormat1Repository_InOneCommit()
    {
        var repo = HookedRepository.Create();
        var ids = WriteFormat1(repo, sessions: 5, entries: 500);

        var recover = repo.Session("recover");

        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(repo.Run("log", "-1", "--format=%s").Trim(), Is.EqualTo("Record session state (session recover)"));
        AssertUpgraded(repo, ids);
    }

    /// <summary>Every format 1 entry is in exactly one worklog file of its session, and the repository is in step.</summary>
    private static void AssertUpgraded(HookedRepository repo, IReadOnlyCollection<string> ids)
    {
        var entries = repo.WorklogEntries();
        Assert.That(entries.Select(e => (string)e["id"]!), Is.EquivalentTo(ids), "every entry, each once");
        foreach (var folder in Directory.GetDirectories(Path.Combine(repo.Root, ".sessions/worklog")))
        {
            var session = Path.GetFileName(folder);
            var inFolder = Directory.GetFiles(folder).SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["entries"]!.AsArray());
            Assert.That(inFolder.Select(e => (string?)e!["session"]), Is.All.EqualTo(session), "entries are filed under their session");
        }

        Assert.That((int?)repo.Sessions()["schema_version"], Is.EqualTo(2));
        Assert.That(repo.TrackedChanges(), Is.Empty);
        var validate = repo.Session("validate");
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
        var push = repo.Try("push", "-q", "origin", "main");
        Assert.That(push.ExitCode, Is.Zero, push.ToString());
    }

    /// <summary>
    /// Commits format 1 files, as SessionHooks 0.1 wrote them (without the hooks of today): sessions
    /// including the branch's current one, and entries spread over them, commits among them.
    /// </summary>
    private static List<string> WriteFormat1(HookedRepository repo, int sessions, int entries)
    {
        var current = repo.CurrentSessionId();
        var registry = repo.Sessions().AsObject();
        registry["schema_version"] = 1;
        var list = registry["sessions"]!.AsArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sessionIds = new List<string> { current };
        for (var s = 1; s < sessions; s++)
        {
            var id = $"202601{1 + (s % 28):00}-{Base32(s, 5)}";
            sessionIds.Add(id);
            list.Add(new JsonObject
            {
                ["id"] = id,
                ["branch"] = $"feature/{s}",
                ["title"] = $"Session {s}",
                ["type"] = "development",
                ["status"] = "completed",
                ["created"] = Time(start.AddDays(s)),
                ["last_updated"] = Time(start.AddDays(s).AddHours(3)),
                ["issues"] = new JsonArray(),
                ["related_sessions"] = new JsonArray(),
                ["knowledge_cache"] = new JsonArray(),
                ["context_notes"] = new JsonArray(),
                ["backlog"] = new JsonArray(),
            });
        }

        var ids = new List<string>();
        var worklog = new JsonArray();
        for (var i = 0; i < entries; i++)
        {
            var time = start.AddMinutes(i);
            var id = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Base32(i, 8);
            ids.Add(id);
            var entry = new JsonObject
            {
                ["id"] = id,
                ["session"] = sessionIds[i % sessionIds.Count],
                ["time"] = Time(time),
                ["kind"] = i % 3 == 0 ? "commit" : "note",
                ["text"] = $"entry {i}",
            };
            if (i % 3 == 0)
            {
                entry["branch"] = "main";
                entry["parent"] = new string('a', 40);
                entry["files"] = new JsonArray(new JsonObject { ["path"] = $"src/{i}.cs", ["change"] = "modified" });
            }

            worklog.Add(entry);
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(repo.Root, ".sessions/ai_sessions.json"), registry.ToJsonString(options) + "\n");
        var format1 = new JsonObject { ["$schema"] = "schemas/worklog.schema.json", ["schema_version"] = 1, ["entries"] = worklog };
        File.WriteAllText(Path.Combine(repo.Root, ".sessions/worklog.json"), format1.ToJsonString(options) + "\n");
        repo.Run("add", ".sessions");
        GitRunner.Check(repo.TryWith(new Dictionary<string, string?> { ["SESSIONHOOKS"] = "0" }, "commit", "-q", "-m", "Records in format 1"));
        return ids;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Base32(int value, int length)
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = alphabet[value % 32];
            value /= 32;
        }

        return new string(chars);
    }
}
