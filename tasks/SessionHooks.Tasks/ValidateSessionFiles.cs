using Microsoft.Build.Framework;
using SessionHooks.Diagnostics;
using SessionHooks.Validation;

namespace SessionHooks.Tasks;

/// <summary>
/// Checks the repository's session files against their schemas and the rules across files, and
/// whether <c>current_session.json</c> follows the checked-out branch. Every run reads the disk and
/// git afresh: a build node reused after a branch switch must see the new state.
/// </summary>
public sealed class ValidateSessionFiles : SessionHooksTask
{
    /// <summary>The worktree root (the folder holding <c>.git</c> and <c>.sessions/</c>).</summary>
    [Required]
    public string RepositoryRoot { get; set; } = "";

    /// <summary><c>error</c>, <c>warning</c> (the default) or <c>none</c>: how a stale current_session.json is reported.</summary>
    public string StalenessSeverity { get; set; } = "warning";

    protected override string? RepositoryFolder => RepositoryRoot;

    protected override void ExecuteCore()
    {
        var root = FullPath(RepositoryRoot, nameof(RepositoryRoot));
        var staleness = ParseSeverity(StalenessSeverity);
        var diagnostics = RepositoryValidator.Validate(root, new RepositoryValidationOptions
        {
            AbsolutePaths = true,
            // A session started on checkout is registered by the branch's first commit; a build before it is fine.
            CrossFile = new CrossFileRuleOptions { RequireCurrentSessionRegistered = false },
        });
        foreach (var diagnostic in diagnostics)
        {
            Report(diagnostic);
        }

        if (staleness is { } severity && !diagnostics.Any(d => d.Severity == Severity.Error))
        {
            foreach (var diagnostic in BranchStaleness.Check(root))
            {
                Report(diagnostic.WithSeverity(severity));
            }
        }
    }

    private Severity? ParseSeverity(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "WARNING" => Severity.Warning,
        "ERROR" => Severity.Error,
        "NONE" or "OFF" => null,
        _ => throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(ProjectFile,
            $"SessionHooksStalenessSeverity is '{value}'", "set SessionHooksStalenessSeverity to error, warning or none")),
    };
}
