using NUnit.Framework;

namespace SessionHooks.Testing;

/// <summary>
/// A folder outside the repository under test that an attack aims at: files a committed link
/// points to, a private file holding <see cref="Token"/>, and <see cref="Ran"/>, where a command
/// planted by an attacker leaves a mark if it ever runs. Its every byte, mode and link is
/// recorded when it is made, so a test can show afterwards that nothing in it changed.
/// </summary>
public sealed class Canary
{
    /// <summary>What no file of the victim, and no output, may ever hold.</summary>
    public const string Token = "CANARY-7f3a9c-outside-the-repository";

    private readonly IReadOnlyDictionary<string, string> recorded;

    private Canary(string folder)
    {
        Folder = folder;
        recorded = Snapshot();
    }

    public string Folder { get; }

    /// <summary>Where a planted command writes its mark (outside the repository, so a checkout cannot remove it).</summary>
    public string Ran => System.IO.Path.Combine(Folder, "ran");

    public string Path(string relative) => System.IO.Path.Combine(Folder, relative);

    /// <summary>Makes the folder beside <paramref name="testDirectory"/>'s repositories, with the files attacks point at.</summary>
    public static Canary Create(string testDirectory)
    {
        var folder = System.IO.Path.Combine(testDirectory, "canary");
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "ran"));
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "folder"));
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "global-hooks"));
        File.WriteAllText(System.IO.Path.Combine(folder, "folder", "keep.txt"), "an outside folder's file\n");
        File.WriteAllText(System.IO.Path.Combine(folder, "private.txt"), $"user=alice\napi_secret_token={Token}\n");
        File.WriteAllText(System.IO.Path.Combine(folder, "private.json"), $$"""
            { "schema_version": 2, "sessions": [], "knowledge_cache": [], "context_notes": ["{{Token}}"] }

            """);
        File.WriteAllText(System.IO.Path.Combine(folder, "file"), "an outside file\n");
        File.WriteAllText(System.IO.Path.Combine(folder, "global-hooks", "pre-commit"), "#!/bin/sh\necho the user's own global hook\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(System.IO.Path.Combine(folder, "global-hooks", "pre-commit"), (UnixFileMode)0b111_101_101);
        }

        return new Canary(folder);
    }

    /// <summary>Fails the test when anything in the folder changed, appeared or went, or a planted command ran.</summary>
    public void AssertUntouched()
    {
        var now = Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(now.Keys.Except(recorded.Keys), Is.Empty, "nothing new outside the repository");
            Assert.That(recorded.Keys.Except(now.Keys), Is.Empty, "nothing outside the repository removed");
            Assert.That(now.Where(e => recorded.TryGetValue(e.Key, out var before) && before != e.Value).Select(e => e.Key), Is.Empty,
                "every file outside the repository byte-identical");
        });
    }

    private Dictionary<string, string> Snapshot()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(Folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var info = new FileInfo(entry);
            var mode = OperatingSystem.IsWindows() ? "" : File.GetUnixFileMode(entry).ToString();
            entries[System.IO.Path.GetRelativePath(Folder, entry)] = info.LinkTarget is { } link ? "link:" + link
                : Directory.Exists(entry) ? "dir:" + mode
                : $"{mode}:{Convert.ToBase64String(File.ReadAllBytes(entry))}";
        }

        return entries;
    }
}
