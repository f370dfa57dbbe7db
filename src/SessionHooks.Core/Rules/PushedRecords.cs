using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Rules;

/// <summary>
/// The records as a pushed commit holds them: <c>ai_sessions.json</c> (given only when it passes its
/// schema, so no rule judges from a broken file), and the problems of every record file the pushed
/// commits added or changed. Only those are read: a push costs the same at 100 entries and at
/// 100,000 (docs/records.md).
/// </summary>
internal sealed class PushedRecords
{
    private readonly GitRepository git;
    private readonly string tip;
    private List<WorklogEntry>? allEntries;

    private PushedRecords(GitRepository git, string tip, AiSessions? registry, List<Diagnostic> diagnostics)
    {
        this.git = git;
        this.tip = tip;
        Registry = registry;
        Diagnostics = diagnostics;
    }

    public AiSessions? Registry { get; }

    /// <summary>Schema, syntax and cross-file problems of the pushed record files.</summary>
    public List<Diagnostic> Diagnostics { get; }

    /// <summary>Reads the records at <paramref name="tip"/>, checking the files changed since <paramref name="basis"/> (null: every one).</summary>
    public static PushedRecords Read(GitRepository git, string tip, string? basis)
    {
        var changed = git.ChangesBetween(basis, tip, RecordPaths.Folder)
            .Where(c => c.Change != ChangeKind.Deleted && RecordPaths.KindOf(c.Path) is { } kind && kind.IsCommitted())
            .Select(c => c.Path)
            .Append(RecordPaths.Registry)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var diagnostics = new List<Diagnostic>();
        var cache = ValidationCache.Open(git.CommonDir);
        AiSessions? registry = null;
        var worklogs = new List<SessionDocument<Worklog>>();
        foreach (var path in changed)
        {
            if (git.ReadBlobAtCommit(tip, path) is not { } blob || RecordPaths.KindOf(path) is not { } kind)
            {
                continue;
            }

            var found = cache.IsValid(kind, blob.Id) ? [] : SchemaValidator.Shared.Validate(kind, blob.Text, path);
            if (found.Count == 0)
            {
                cache.AddValid(kind, blob.Id);
            }

            diagnostics.AddRange(found);
            var broken = found.Any(d => d.Severity == Severity.Error);
            var bytes = Encoding.UTF8.GetBytes(blob.Text);
            if (kind == SessionFileKind.AiSessions)
            {
                registry = broken ? null : SessionFileParser.ParseAiSessions(bytes, path).Value;
            }
            else if (kind == SessionFileKind.Worklog && !broken && SessionFileParser.ParseWorklog(bytes, path).Value is { } worklog)
            {
                worklogs.Add(new SessionDocument<Worklog>(worklog, blob.Text, path));
            }
        }

        if (!diagnostics.Any(d => d.Severity == Severity.Error))
        {
            var registryText = registry is null ? null : git.ReadFileAtCommit(tip, RecordPaths.Registry);
            diagnostics.AddRange(CrossFileRules.Check(new SessionFileSet(
                registry is null || registryText is null ? null : new SessionDocument<AiSessions>(registry, registryText, RecordPaths.Registry),
                Worklogs: worklogs)));
        }

        return new PushedRecords(git, tip, registry, diagnostics);
    }

    /// <summary>
    /// Every entry the pushed commit's records hold, read only when a rule needs entries that name
    /// commits (for commits that carry no trailer), which ordinary pushes never do.
    /// </summary>
    public IReadOnlyList<WorklogEntry> AllEntries()
    {
        if (allEntries is not null)
        {
            return allEntries;
        }

        allEntries = [];
        foreach (var path in git.FilesAt(tip, RecordPaths.Folder).Where(p => RecordPaths.KindOf(p) == SessionFileKind.Worklog))
        {
            if (git.ReadFileAtCommit(tip, path) is { } text
                && SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), path).Value is { } worklog)
            {
                allEntries.AddRange(worklog.Entries?.Where(e => e is not null) ?? []);
            }
        }

        return allEntries;
    }
}
