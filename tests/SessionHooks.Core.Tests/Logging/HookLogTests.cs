using Serilog.Events;
using SessionHooks.Logging;
using SessionHooks.Testing;
using SessionHooks.Tests.Storage;

namespace SessionHooks.Tests.Logging;

public class HookLogTests
{
    [Test]
    public void Create_WritesOneStructuredLinePerEventUnderTheCommonGitDirectory()
    {
        var commonDir = TempRepository.Create().GitDir();

        using (var log = HookLog.Create(commonDir, "pre-commit"))
        {
            log.ForContext("Head", "4b825dc").Information("Staged {Count} session files on {Branch}", 2, "feature/ünïcode");
        }

        var line = File.ReadAllLines(Single(commonDir)).Single();
        Assert.That(line, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d \[INF\] pre-commit \d+ "));
        Assert.That(line, Does.Contain("Staged 2 session files on feature/ünïcode"));
        Assert.That(line, Does.EndWith("{\"Head\":\"4b825dc\"}"));
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
        foreach (var day in new[] { DateTime.Now, DateTime.Now.AddDays(1) })
        {
            Directory.CreateDirectory(Path.Combine(folder, $"sessionhooks-{day:yyyyMMdd}.log"));
        }

        using var log = HookLog.Create(commonDir, "pre-push");

        Assert.DoesNotThrow(() => log.Error("the sink fails, the hook goes on"));
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
