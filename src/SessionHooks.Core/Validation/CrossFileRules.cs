using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>
/// The rules no single file's schema can check: ids are unique, every worklog entry names a known
/// session (live or archived), and the current session is registered. Each problem is reported once, at the
/// offending id's value.
/// </summary>
internal static class CrossFileRules
{
    public static IReadOnlyList<Diagnostic> Check(SessionFileSet files) => Check(files, new CrossFileRuleOptions());

    public static IReadOnlyList<Diagnostic> Check(SessionFileSet files, CrossFileRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<Diagnostic>();
        var sessions = files.AiSessions;
        if (sessions is not null)
        {
            var ids = sessions.Value.Sessions.Select(s => s.Id).ToList();
            Report(diagnostics, sessions.Bytes, sessions.DisplayPath, Duplicates(ids, i => $"$.sessions[{i}].id"), (id, first) =>
                (DiagnosticCatalog.DuplicateSessionId, $"the session id '{id}' is already used by the session at line {first}"));
        }

        var archived = files.Archive?.Value.Sessions.Where(s => s is not null).Select(s => s.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        if (files.Archive is { } archive)
        {
            if (sessions is not null)
            {
                var both = sessions.Value.Sessions.Select((s, i) => (s?.Id, Index: i))
                    .Where(s => s.Id is not null && archived.Contains(s.Id))
                    .Select(s => new Finding(s.Id!, $"$.sessions[{s.Index}].id", null, 0))
                    .ToList();
                Report(diagnostics, sessions.Bytes, sessions.DisplayPath, both, (id, _) =>
                    (DiagnosticCatalog.SessionLiveAndArchived, $"the session '{id}' is also in {archive.DisplayPath}"));
            }

            Report(diagnostics, archive.Bytes, archive.DisplayPath, Duplicates([.. archive.Value.Sessions.Select(s => s.Id)], i => $"$.sessions[{i}].id"), (id, first) =>
                (DiagnosticCatalog.DuplicateSessionId, $"the session id '{id}' is already used by the session at line {first}"));
        }

        var worklogs = files.Worklogs ?? [];
        var seen = new Dictionary<string, (WorklogEntry Entry, string Path)>(StringComparer.Ordinal);
        foreach (var worklog in worklogs)
        {
            var entries = worklog.Value.Entries?.Where(e => e is not null).ToList() ?? [];
            var ids = entries.Select(e => e.Id).ToList();
            Report(diagnostics, worklog.Bytes, worklog.DisplayPath, Duplicates(ids, i => $"$.entries[{i}].id"), (id, first) =>
                (DiagnosticCatalog.DuplicateEntryId, $"the entry id '{id}' is already used by the entry at line {first}"));

            // Across files an id may appear twice only for the same record (a set, docs/records.md).
            var clashes = new List<Finding>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (seen.TryGetValue(entries[i].Id, out var earlier) && earlier.Path != worklog.DisplayPath && !EntrySet.SameRecord(earlier.Entry, entries[i]))
                {
                    clashes.Add(new Finding(entries[i].Id, $"$.entries[{i}].id", null, 0, earlier.Path));
                }

                seen.TryAdd(entries[i].Id, (entries[i], worklog.DisplayPath));
            }

            Report(diagnostics, worklog.Bytes, worklog.DisplayPath, clashes, (id, _) =>
                (DiagnosticCatalog.DuplicateEntryId, $"the entry id '{id}' names a different entry in {clashes.First(c => c.Id == id).Elsewhere}"));

            if (RecordPaths.TryParseChunk(worklog.DisplayPath.Replace('\\', '/'), out var folderSession)
                || TryChunkOf(worklog.DisplayPath, out folderSession))
            {
                var misfiled = entries.Select((entry, index) => (entry.Session, Index: index))
                    .Where(e => e.Session != folderSession)
                    .GroupBy(e => e.Session, StringComparer.Ordinal)
                    .Select(g => new Finding(g.Key, $"$.entries[{g.First().Index}].session", null, g.Count()))
                    .ToList();
                Report(diagnostics, worklog.Bytes, worklog.DisplayPath, misfiled, (id, count) =>
                    (DiagnosticCatalog.EntryInOtherSessionFolder, $"the entry names session '{id}' but is filed under session '{folderSession}'" + (count > 1 ? $" ({count} entries)" : "")));
            }

            if (sessions is not null)
            {
                var known = sessions.Value.Sessions.Select(s => s.Id).Concat(options.PendingSessions).Concat(archived).ToHashSet(StringComparer.Ordinal);
                var unknown = entries
                    .Select((entry, index) => (entry.Session, Index: index))
                    .Where(e => !known.Contains(e.Session))
                    .GroupBy(e => e.Session, StringComparer.Ordinal)
                    .Select(g => new Finding(g.Key, $"$.entries[{g.First().Index}].session", null, g.Count()))
                    .ToList();
                Report(diagnostics, worklog.Bytes, worklog.DisplayPath, unknown, (id, count) =>
                    (DiagnosticCatalog.UnknownSession, $"the session '{id}' is not in {sessions.DisplayPath}" + (count > 1 ? $" ({count} entries name it)" : "")));
            }
        }

        if (options.RequireCurrentSessionRegistered && files.CurrentSession is { } current && sessions is not null)
        {
            var id = current.Value.Metadata.SessionId;
            if (sessions.Value.Find(id) is null && !options.PendingSessions.Contains(id) && !archived.Contains(id))
            {
                Report(diagnostics, current.Bytes, current.DisplayPath, [new Finding(id, "$.metadata.session_id", null, 1)], (_, _) =>
                    (DiagnosticCatalog.CurrentSessionMissing, $"the current session '{id}' is not in {sessions.DisplayPath}"));
            }
        }

        return diagnostics;
    }

    /// <summary>A problem with an id: the path of the value to point at, and the path or count the message needs.</summary>
    private sealed record Finding(string Id, string Path, string? OtherPath, int Count, string? Elsewhere = null);

    /// <summary>A worklog file's session from a path that may be absolute (a build reports full paths).</summary>
    private static bool TryChunkOf(string displayPath, out string sessionId)
    {
        var normalized = displayPath.Replace('\\', '/');
        var at = Math.Max(
            normalized.LastIndexOf("/" + RecordPaths.WorklogFolder + "/", StringComparison.Ordinal),
            normalized.LastIndexOf("/" + RecordPaths.ArchiveFolder + "/", StringComparison.Ordinal));
        sessionId = "";
        return at >= 0 && RecordPaths.TryParseChunk(normalized[(at + 1)..], out sessionId);
    }

    private static List<Finding> Duplicates(List<string> ids, Func<int, string> pathOf)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!first.TryAdd(ids[i], i))
            {
                findings.Add(new Finding(ids[i], pathOf(i), pathOf(first[ids[i]]), 0));
            }
        }

        return findings;
    }

    private static void Report(
        List<Diagnostic> diagnostics,
        byte[] json,
        string displayPath,
        List<Finding> findings,
        Func<string, int, (DiagnosticDescriptor Descriptor, string Message)> describe)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var skip = json.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var body = json.AsSpan(skip);
        var lines = LineIndex.Build(body);
        var paths = findings.SelectMany(f => f.OtherPath is null ? [f.Path] : new[] { f.Path, f.OtherPath }).ToList();
        var spots = JsonLocator.Locate(body, paths, JsonPathStyle.SystemTextJson);
        foreach (var finding in findings)
        {
            var (line, column) = spots.TryGetValue(finding.Path, out var spot) ? lines.At(body, spot.Offset) : (0, 0);
            var detail = finding.OtherPath is { } other && spots.TryGetValue(other, out var first) ? lines.At(body, first.Offset).Line : finding.Count;
            var (descriptor, message) = describe(finding.Id, detail);
            diagnostics.Add(descriptor.At(displayPath, line, column, message));
        }
    }
}
