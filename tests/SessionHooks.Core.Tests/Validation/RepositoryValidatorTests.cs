using SessionHooks.Testing;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

public class RepositoryValidatorTests
{
    [Test]
    public void RepositoryWithoutSessionFiles_HasNothingToReport()
    {
        var root = TestDirectory.Create();

        Assert.That(RepositoryValidator.Validate(root), Is.Empty);
    }

    [Test]
    public void ValidExamples_TogetherBreakNoRule()
    {
        var root = WithExamples("valid/full.json", "valid/full.json", "valid/full.json", "valid/full.json");

        Assert.That(RepositoryValidator.Validate(root).Select(d => d.Render()), Is.Empty);
    }

    [Test]
    public void SchemaAndCrossFileProblems_AreReported_WithPathsRelativeToTheBaseDirectory()
    {
        var root = WithExamples("invalid/branch_with_space.json", "valid/full.json", "valid/full.json", null);
        File.WriteAllText(Path.Combine(root, ".sessions", "worklog.json"),
            File.ReadAllText(Path.Combine(root, ".sessions", "worklog.json")).Replace("20261121-k3f9q", "20261121-zzzzz", StringComparison.Ordinal));

        var diagnostics = RepositoryValidator.Validate(root, new RepositoryValidationOptions { BaseDirectory = root });

        Assert.That(diagnostics.Select(d => (d.Code, d.File)), Is.EqualTo(new[]
        {
            ("SH2004", Path.Combine(".sessions", "ai_sessions.json")),
            ("SH3003", Path.Combine(".sessions", "worklog.json")),
        }));
    }

    [Test]
    public void AbsolutePaths_AreUsed_WhenAskedFor()
    {
        var root = TestDirectory.Create();
        Directory.CreateDirectory(Path.Combine(root, ".sessions"));
        File.WriteAllText(Path.Combine(root, ".sessions", "config.json"), "{");

        var diagnostic = RepositoryValidator.Validate(root, new RepositoryValidationOptions { AbsolutePaths = true }).Single();

        Assert.That(diagnostic.File, Is.EqualTo(Path.Combine(root, ".sessions", "config.json")));
        Assert.That(diagnostic.Code, Is.EqualTo("SH1002"));
    }

    [Test]
    public void TooLargeFile_IsReported_WithoutBeingRead()
    {
        var root = WithExamples(null, "valid/full.json", null, null);

        var diagnostic = RepositoryValidator.Validate(root, new RepositoryValidationOptions { MaxFileBytes = 64 }).Single();

        Assert.That(diagnostic.Code, Is.EqualTo("SH1006"));
    }

    [Test]
    public void UnknownCurrentSession_IsSwitchable()
    {
        var root = WithExamples("valid/empty.json", "valid/empty.json", "valid/full.json", null);

        Assert.That(RepositoryValidator.Validate(root).Single().Code, Is.EqualTo("SH3004"));
        Assert.That(RepositoryValidator.Validate(root, new RepositoryValidationOptions { CrossFile = new CrossFileRuleOptions { RequireCurrentSessionRegistered = false } }), Is.Empty);
    }

    private static string WithExamples(string? sessions, string? worklog, string? current, string? config)
    {
        var root = TestDirectory.Create();
        var folder = Path.Combine(root, ".sessions");
        Directory.CreateDirectory(folder);
        Copy("ai_sessions", sessions);
        Copy("worklog", worklog);
        Copy("current_session", current);
        Copy("config", config);
        return root;

        void Copy(string kind, string? example)
        {
            if (example is not null)
            {
                File.Copy(Path.Combine(SchemaExamples.Folder, kind, example), Path.Combine(folder, kind + ".json"));
            }
        }
    }
}
