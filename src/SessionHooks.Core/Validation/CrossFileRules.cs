using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>
/// The rules no single file's schema can check: ids are unique, every worklog entry names a known
/// session, and the current session is registered. Each problem is reported once, at the
/// offending id's value.
/// </summary>
public static class CrossFileRules
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
            Report(diagnostics, sessions.Text, sessions.DisplayPath, Duplicates(ids, i => $"$.sessions[{i}].id"), (id, first) =>
                (DiagnosticCatalog.DuplicateSessionId, $"the session id '{id}' is already used by the session at line {first}"));
        }

        var worklog = files.Worklog;
        if (worklog is not null)
        {
            var ids = worklog.Value.Entries.Select(e => e.Id).ToList();
            Report(diagnostics, worklog.Text, worklog.DisplayPath, Duplicates(ids, i => $"$.entries[{i}].id"), (id, first) =>
                (DiagnosticCatalog.DuplicateEntryId, $"the entry id '{id}' is already used by the entry at line {first}"));
        }

        if (worklog is not null && sessions is not null)
        {
            var known = sessions.Value.Sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = worklog.Value.Entries
                .Select((entry, index) => (entry.Session, Index: index))
                .Where(e => !known.Contains(e.Session))
                .GroupBy(e => e.Session, StringComparer.Ordinal)
                .Select(g => new Finding(g.Key, $"$.entries[{g.First().Index}].session", null, g.Count()))
                .ToList();
            Report(diagnostics, worklog.Text, worklog.DisplayPath, unknown, (id, count) =>
                (DiagnosticCatalog.UnknownSession, $"the session '{id}' is not in {sessions.DisplayPath}" + (count > 1 ? $" ({count} entries name it)" : "")));
        }

        if (options.RequireCurrentSessionRegistered && files.CurrentSession is { } current && sessions is not null)
        {
            var id = current.Value.Metadata.SessionId;
            if (sessions.Value.Find(id) is null)
            {
                Report(diagnostics, current.Text, current.DisplayPath, [new Finding(id, "$.metadata.session_id", null, 1)], (_, _) =>
                    (DiagnosticCatalog.CurrentSessionMissing, $"the current session '{id}' is not in {sessions.DisplayPath}"));
            }
        }

        return diagnostics;
    }

    /// <summary>A problem with an id: the path of the value to point at, and the path or count the message needs.</summary>
    private sealed record Finding(string Id, string Path, string? OtherPath, int Count);

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
        string text,
        string displayPath,
        List<Finding> findings,
        Func<string, int, (DiagnosticDescriptor Descriptor, string Message)> describe)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var json = Encoding.UTF8.GetBytes(text);
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
