using SessionHooks.Testing;

namespace SessionHooks.Tasks.Tests;

public sealed class ValidateSessionFilesTests
{
    [Test]
    public void ValidFiles_LogNothingAndSucceed()
    {
        var repository = TempRepository.Create().Write(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions);

        var (succeeded, engine) = Run(repository.Root);

        Assert.That(succeeded, Is.True);
        Assert.That(engine.Problems, Is.Empty);
    }

    [Test]
    public void BadValue_IsOneErrorWithCodeAndPosition()
    {
        var repository = TempRepository.Create().Write(".sessions/ai_sessions.json", SessionFileTexts.SessionsWithBadStatus);

        var (succeeded, engine) = Run(repository.Root);

        Assert.That(succeeded, Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, e.File, e.Line, e.Column)),
            Is.EqualTo(new[] { ("SH2003", repository.Path(".sessions/ai_sessions.json"), 11, 17) }));
        Assert.That(engine.Errors.Single().Message, Does.Contain("sleeping").And.Contain("(fix: "));
    }

    [Test]
    public void ValidWorklogFilesOfASession_LogNothingAndSucceed()
    {
        var repository = TempRepository.Create()
            .Write(".sessions/ai_sessions.json", SessionFileTexts.Sessions)
            .Write(SessionFileTexts.WorklogPath(), SessionFileTexts.Worklog())
            .Write(SessionFileTexts.WorklogPath(chunk: "20261121T100000Z-a8b7c6d5"), SessionFileTexts.Worklog("insight").Replace("7k2m9qx4", "a8b7c6d5", StringComparison.Ordinal));

        var (succeeded, engine) = Run(repository.Root);

        Assert.That(succeeded, Is.True);
        Assert.That(engine.Problems, Is.Empty);
    }

    [Test]
    public void WorklogFileOfASession_WithABadValue_IsOneErrorAtItsPlace()
    {
        var repository = TempRepository.Create()
            .Write(".sessions/ai_sessions.json", SessionFileTexts.Sessions)
            .Write(SessionFileTexts.WorklogPath(), SessionFileTexts.Worklog("sleeping"));

        var (succeeded, engine) = Run(repository.Root);

        Assert.That(succeeded, Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, e.File, e.Line, e.Column)),
            Is.EqualTo(new[] { ("SH2003", repository.Path(SessionFileTexts.WorklogPath()), 8, 15) }));
        Assert.That(engine.Errors.Single().Message, Does.Contain("sleeping"));
    }

    [TestCase("20261121-zzzzz", "20261121-zzzzz", "SH3003", TestName = "WorklogEntryOfAnUnknownSession_IsAnErrorAtItsSession")]
    [TestCase("20261121-abcde", "20261121-k3f9q", "SH3006", TestName = "WorklogEntryFiledUnderAnotherSession_IsAnErrorAtItsSession")]
    public void WorklogEntryOfTheWrongSession(string folder, string sessionNamed, string code)
    {
        var path = SessionFileTexts.WorklogPath(folder);
        var repository = TempRepository.Create()
            .Write(".sessions/ai_sessions.json", SessionFileTexts.Sessions)
            .Write(path, SessionFileTexts.Worklog(session: sessionNamed));

        var (succeeded, engine) = Run(repository.Root);

        Assert.That(succeeded, Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, e.File, e.Line, e.Column)), Is.EqualTo(new[] { (code, repository.Path(path), 6, 18) }));
    }

    [Test]
    public void CurrentSessionOfAnotherBranch_IsAWarningByDefault()
    {
        var repository = TempRepository.Create();
        repository.Commit("README.md", "readme");
        repository.Write(".sessions/current_session.json", SessionFileTexts.CurrentSession("feature/old"));

        var (succeeded, engine) = Run(repository.Root);

        Assert.That(succeeded, Is.True);
        // A problem of the whole file is at its start, so an error list still has a place to open.
        Assert.That(engine.Warnings.Select(w => (w.Code, w.File, w.Line, w.Column)),
            Is.EqualTo(new[] { ("SH4001", repository.Path(".sessions/current_session.json"), 1, 1) }));
        Assert.That(engine.Warnings.Single().Message, Does.Contain("'feature/old'").And.Contain("'main'"));
    }

    [Test]
    public void CurrentSessionOfAnotherBranch_FailsWhenStalenessIsAnError()
    {
        var repository = TempRepository.Create();
        repository.Commit("README.md", "readme");
        repository.Write(".sessions/current_session.json", SessionFileTexts.CurrentSession("feature/old"));

        var (succeeded, engine) = Run(repository.Root, "error");

        Assert.That(succeeded, Is.False);
        Assert.That(engine.Errors.Select(e => e.Code), Is.EqualTo(new[] { "SH4001" }));
    }

    [Test]
    public void CurrentSessionOfTheCheckedOutBranch_IsNotStale()
    {
        var repository = TempRepository.Create();
        repository.Commit("README.md", "readme");
        repository.Write(".sessions/current_session.json", SessionFileTexts.CurrentSession("main"));

        var (succeeded, engine) = Run(repository.Root, "error");

        Assert.That(succeeded, Is.True);
        Assert.That(engine.Problems, Is.Empty);
    }

    [Test]
    public void UnknownStalenessSeverity_IsOneErrorNotAStackTrace()
    {
        var repository = TempRepository.Create();

        var (succeeded, engine) = Run(repository.Root, "sometimes");

        Assert.That(succeeded, Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, e.File, e.Line, e.Column)), Is.EqualTo(new[] { ("SH9001", RecordingBuildEngine.ProjectFile, 1, 1) }), "the project being built");
        Assert.That(engine.Errors.Single().Message, Does.Contain("SessionHooksStalenessSeverity").And.Not.Contain(" at "));
    }

    private static (bool Succeeded, RecordingBuildEngine Engine) Run(string root, string severity = "warning")
    {
        var engine = new RecordingBuildEngine();
        var task = new ValidateSessionFiles { BuildEngine = engine, RepositoryRoot = root, StalenessSeverity = severity };
        return (task.Execute(), engine);
    }
}
