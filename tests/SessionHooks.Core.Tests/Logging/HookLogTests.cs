using Serilog.Events;
using SessionHooks.Logging;
using SessionHooks.Testing;
using SessionHooks.Tests.Store;

namespace SessionHooks.Tests.Logging;

public class HookLogTests
{
    [Test]
    public void Create_WritesOneStructuredLinePerEventUnderTheCommonGitDirectory()
    {
        var commonDir = TempRepository.Create().GitDir();

        using (var log = HookLog.Create(commonDir, "pre-commit"))
        {
            log.Information("Staged {Count} session files on {Branch} at {Head}", 2, "feature/ünïcode", "4b825dc");
        }

        var line = File.ReadAllLines(Single(commonDir)).Single();
        Assert.That(line, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[INF\] pre-commit \d+ "));
        Assert.That(line, Does.EndWith(" Staged 2 session files on feature/ünïcode at 4b825dc"));
    }

    [Test]
    public void Create_RedactsSecretsInEveryProperty_BeforeTheyReachTheFile()
    {
        var commonDir = TempRepository.Create().GitDir();
        var token = "ghp_" + new string('x', 18) + new string('7', 18);

        using (var log = HookLog.Create(commonDir, "pre-push"))
        {
            log.Information("pushing {Branch} to {Url} with {Failure}", "main", $"https://deploy:{token}@git.example.com/r.git", "password=hunter2hunter2 was refused");
        }

        var text = File.ReadAllText(Single(commonDir));
        Assert.That(text, Does.Not.Contain(token).And.Not.Contain("hunter2hunter2"));
        Assert.That(text, Does.Contain(" with password=[REDACTED:password] was refused"));
        Assert.That(text, Does.Contain("[REDACTED:"));
    }

    [Test]
    public void Create_WritesEveryLineInOrder()
    {
        var commonDir = TempRepository.Create().GitDir();

        using (var log = HookLog.Create(commonDir, "pre-push"))
        {
            for (var i = 0; i < 50; i++)
            {
                log.Information("line {Number}", i);
            }

            log.Warning("last to {Remote}", "origin");
        }

        var lines = File.ReadAllLines(Single(commonDir));
        Assert.That(lines, Has.Length.EqualTo(51));
        Assert.That(lines.Take(50).Select(l => l[(l.IndexOf("line ", StringComparison.Ordinal) + 5)..]), Is.EqualTo(Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(lines[^1], Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[WRN\] pre-push \d+ last to origin$"));
    }

    [Test]
    public void Create_WhenTheFolderCannotBeMade_AndLoggedTo_LogsNowhereWithoutThrowing()
    {
        var notADirectory = Path.Combine(TestDirectory.Create(), "common");
        File.WriteAllText(notADirectory, "a file where the git directory should be");

        using var log = HookLog.Create(notADirectory, "post-checkout");
        log.Error(new InvalidOperationException("boom"), "nobody reads this");

        Assert.That(File.ReadAllText(notADirectory), Is.EqualTo("a file where the git directory should be"));
    }

    [Test]
    public void Create_WhenTheFolderCannotBeMade_LogsNowhereWithoutThrowing()
    {
        var notADirectory = Path.Combine(TestDirectory.Create(), "common");
        File.WriteAllText(notADirectory, "a file where the git directory should be");

        using var log = HookLog.Create(notADirectory, "post-checkout");
        log.Warning("nobody reads this");

        Assert.That(File.ReadAllText(notADirectory), Is.EqualTo("a file where the git directory should be"));
    }

    [Test]
    public void Create_WhenTheLogFileCannotBeOpened_DoesNotThrowWhenLogging()
    {
        var commonDir = TestDirectory.Create();
        var folder = HookLog.Folder(commonDir);
        // A folder where the file belongs: opening it fails.
        foreach (var day in new[] { DateTime.Now, DateTime.Now.AddDays(1) })
        {
            Directory.CreateDirectory(Path.Combine(folder, $"sessionhooks-{day:yyyyMMdd}.log"));
        }

        using var log = HookLog.Create(commonDir, "pre-push");

        Assert.DoesNotThrow(() => log.Error("the sink fails, the hook goes on"));
    }

    [Test]
    public void Create_WhenALinkStandsAmongTheLogFiles_WritesNothingThroughIt()
    {
        var commonDir = TestDirectory.Create();
        var folder = HookLog.Folder(commonDir);
        Directory.CreateDirectory(folder);
        var outside = Path.Combine(commonDir, "outside.txt");
        File.WriteAllText(outside, "not a log\n");
        foreach (var day in new[] { DateTime.Now, DateTime.Now.AddDays(1) })
        {
            File.CreateSymbolicLink(Path.Combine(folder, $"sessionhooks-{day:yyyyMMdd}.log"), outside);
        }

        using (var log = HookLog.Create(commonDir, "pre-push"))
        {
            log.Error("must not reach the linked file");
        }

        Assert.That(File.ReadAllText(outside), Is.EqualTo("not a log\n"));
    }

    [Test]
    public void Create_WithAnExceptionAndAStructuredValue_WritesThemAfterTheMessage()
    {
        var commonDir = TestDirectory.Create();

        using (var log = HookLog.Create(commonDir, "post-checkout"))
        {
            log.Error(new InvalidOperationException("boom"), "failed on {Files} with {Count}", new[] { "a.json", "b.json" }, 3);
        }

        var lines = File.ReadAllLines(Single(commonDir));
        Assert.That(lines[0], Does.Contain("[ERR] post-checkout ").And.EndWith("failed on [\"a.json\",\"b.json\"] with 3"));
        Assert.That(lines[1], Does.StartWith("System.InvalidOperationException: boom"));
    }

    [Test]
    public void Create_WhenTodaysFileIsFull_StartsTheNextAndKeepsTheNewestFive()
    {
        var commonDir = TestDirectory.Create();
        var folder = HookLog.Folder(commonDir);
        Directory.CreateDirectory(folder);
        // Serilog's rolling sink names files by the local date.
        var today = $"sessionhooks-{DateTime.Now:yyyyMMdd}";
        var old = Enumerable.Range(1, 6).Select(d => Path.Combine(folder, $"sessionhooks-2020010{d}.log")).ToList();
        old.ForEach(path => File.WriteAllText(path, "old\n"));
        File.WriteAllBytes(Path.Combine(folder, today + ".log"), new byte[1024 * 1024]);

        using (var log = HookLog.Create(commonDir, "pre-commit"))
        {
            log.Information("after the cap");
        }

        var kept = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(kept, Is.EqualTo(new[]
        {
            "sessionhooks-20200104.log", "sessionhooks-20200105.log", "sessionhooks-20200106.log", today + ".log", today + "_001.log",
        }));
        Assert.That(File.ReadAllText(Path.Combine(folder, today + "_001.log")), Does.Contain("after the cap"));
    }

    [TestCase(null, LogEventLevel.Information)]
    [TestCase("debug", LogEventLevel.Debug)]
    [TestCase("Information", LogEventLevel.Information)]
    [TestCase("warning", LogEventLevel.Warning)]
    [TestCase("loud", LogEventLevel.Information)]
    [TestCase("off", null)]
    public void ParseLevel_ReadsSessionHooksLog(string? value, LogEventLevel? level) =>
        Assert.That(HookLog.ParseLevel(value), Is.EqualTo(level));

    [Test]
    public void ConcurrentProcesses_EachGetTheirLineIntoTheSharedFile_AndLevelComesFromTheEnvironment()
    {
        var commonDir = TestDirectory.Create();
        var quiet = new Dictionary<string, string?> { [HookLog.LevelVariable] = "warning" };
        var writers = Enumerable.Range(0, 4)
            .Select(i => WriterProcess.Start(i == 3 ? quiet : null, "log", commonDir, $"writer-{i}", "hello"))
            .ToList();

        var exitCodes = writers.Select(w => w.WaitForExit(TimeSpan.FromSeconds(60))).ToList();
        writers.ForEach(w => w.Dispose());

        Assert.That(exitCodes, Is.All.Zero);
        var lines = File.ReadAllLines(Single(commonDir));
        Assert.That(lines.Select(l => l.Split(' ')[2]).Order(), Is.EqualTo(new[] { "writer-0", "writer-1", "writer-2" }));
    }

    private static string Single(string commonDir) =>
        Directory.GetFiles(HookLog.Folder(commonDir), "sessionhooks-*.log").Single();
}
