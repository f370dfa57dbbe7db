using SessionHooks.Diagnostics;

namespace SessionHooks.Rules;

/// <summary>A pushed record file breaks its schema, or can't be read at all.</summary>
internal sealed class SchemaRule : PushRule
{
    public override string Name => "schema";

    public override string Description => "A session file fails its JSON Schema.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [.. DiagnosticCatalog.All.Where(d =>
        (d.Code.StartsWith("SH1", StringComparison.Ordinal) && d != DiagnosticCatalog.ConflictMarkers) || d.Code.StartsWith("SH2", StringComparison.Ordinal))];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push) =>
        push.Records.Diagnostics.Where(d => Codes.Any(c => c.Code == d.Code));
}

/// <summary>A pushed record file holds merge conflict markers.</summary>
internal sealed class ConflictMarkersRule : PushRule
{
    public override string Name => "conflict_markers";

    public override string Description => "A session file holds merge conflict markers.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [DiagnosticCatalog.ConflictMarkers];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push) =>
        push.Records.Diagnostics.Where(d => d.Code == DiagnosticCatalog.ConflictMarkers.Code);
}

/// <summary>The pushed records disagree with each other or with the pushed commits.</summary>
internal sealed class CrossFileRule : PushRule
{
    public override string Name => "cross_file";

    public override string Description => "Ids are duplicated, or an entry, a commit or the current session names an unknown session.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } =
        [.. DiagnosticCatalog.All.Where(d => d.Code.StartsWith("SH3", StringComparison.Ordinal) && d != DiagnosticCatalog.SessionLiveAndArchived)];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push)
    {
        // A session both live and archived (SH3007) holds nothing back from a push: 'session archive' folds it.
        foreach (var diagnostic in push.Records.Diagnostics.Where(d => Codes.Any(c => c.Code == d.Code)))
        {
            yield return diagnostic;
        }

        if (push.Records.Registry is null)
        {
            yield break;
        }

        foreach (var commit in push.Commits.Where(c => c.SessionId is { } id && push.Records.FindSession(id) is null))
        {
            yield return DiagnosticCatalog.CommitSessionUnknown.ForFile(Records.RecordPaths.Registry,
                $"commit {Short(commit.Id)} \"{commit.Subject}\" names session {commit.SessionId}, which neither the pushed ai_sessions.json nor its archive has");
        }
    }

    internal static string Short(string id) => id[..Math.Min(12, id.Length)];
}
