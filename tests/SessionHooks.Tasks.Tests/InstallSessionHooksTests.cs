using Microsoft.Build.Framework;
using SessionHooks.Testing;

namespace SessionHooks.Tasks.Tests;

public sealed class InstallSessionHooksTests
{
    [Test]
    public void FirstRun_InstallsAndSaysSoLoudly()
    {
        var repository = TempRepository.Create();
        var hooksFolder = HooksFolder(repository);

        var (task, engine) = Run(repository.Root, hooksFolder);

        Assert.That(task.Changed, Is.True);
        Assert.That(engine.Problems, Is.Empty);
        Assert.That(File.Exists(repository.Path(".husky/sessionhooks.sh")), Is.True);
        Assert.That(repository.Run("config", "--get", "sessionhooks.hooksdir").Trim(), Is.EqualTo(hooksFolder));
        Assert.That(engine.Messages.Where(m => m.Importance == MessageImportance.High), Is.Not.Empty);
    }

    [Test]
    public void SecondRun_ChangesNothingAndStaysQuiet()
    {
        var repository = TempRepository.Create();
        var hooksFolder = HooksFolder(repository);
        Run(repository.Root, hooksFolder);

        var (task, engine) = Run(repository.Root, hooksFolder);

        Assert.That(task.Changed, Is.False);
        Assert.That(engine.Problems, Is.Empty);
        Assert.That(engine.Messages.Where(m => m.Importance == MessageImportance.High), Is.Empty);
    }

    [Test]
    public void OutsideARepository_IsOneErrorWithACode()
    {
        var folder = TestDirectory.Create();

        var (task, engine) = Run(folder, folder);

        Assert.That(task.Changed, Is.False);
        Assert.That(engine.Errors.Single().Code, Does.StartWith("SH"));
        Assert.That(engine.Errors.Single().Message, Does.Not.Contain("   at "));
    }

    private static string HooksFolder(TempRepository repository)
    {
        var folder = Path.Combine(Path.GetDirectoryName(repository.Root)!, "hooks");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static (InstallSessionHooks Task, RecordingBuildEngine Engine) Run(string root, string hooksFolder)
    {
        var engine = new RecordingBuildEngine();
        var task = new InstallSessionHooks { BuildEngine = engine, RepositoryRoot = root, HooksFolder = hooksFolder };
        task.Execute();
        return (task, engine);
    }
}
