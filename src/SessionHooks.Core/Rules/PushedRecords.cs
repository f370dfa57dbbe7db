using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;
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
    private readonly Lazy<RecordView> worktree;
    private List<WorklogEntry>? allEntries;
    private AiSessions? archive;
    private bool archiveRead;

    private PushedRecords(GitRepository git, string tip, Lazy<RecordView> worktree, AiSessions? registry, AiSessions? archive, List<Diagnostic> diagnostics)
    {
        this.git = git;
        this.tip = tip;
        this.worktree = worktree;
        Registry = registry;
        (this.archive, archiveRead) = (archive, archive is not null);
        Diagnostics = diagnostics;
    }

    /// <summary>The pushed <c>ai_sessions.json</c>: the sessions not archived.</summary>
    public AiSessions? Registry { get; }

    /// <summary>Schema, syntax and cross-file problems of the pushed record files.</summary>
    public List<Diagnostic> Diagnostics { get; }

    /// <summary>The worktree's records, shared by every ref of the push.</summary>
    public RecordView Worktree => worktree.Value;

    /// <summary>
    /// Reads the records at <paramref name="tip"/>, checking the files changed since <paramref name="basis"/> (null: every one).
    /// <paramref name="worktree"/> is the worktree's records, read at most once per push: when the
    /// worktree's <c>ai_sessions.json</c> is the pushed one (the usual case, right after a commit),
    /// that one reading serves both.
    /// </summary>
    public static PushedRecords Read(GitRepository git, string tip, string? basis, Lazy<RecordView> worktree)
    {
        ArgumentNullException.ThrowIfNull(worktree);
        var changed = git.ChangesBetween(basis, tip, RecordPaths.Folder)
            .Where(c => c.Change != ChangeKind.Deleted && RecordPaths.KindOf(c.Path) is { } kind && kind.IsCommitted())
            .Select(c => c.Path)
            .Append(RecordPaths.Registry)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var diagnostics = new List<Diagnostic>();
        var cache = ValidationCache.Open(git.CommonDir);
        SessionDocument<AiSessions>? registry = null;
        SessionDocument<AiSessions>? archive = null;
        var worklogs = new List<SessionDocument<Worklog>>();
        foreach (var path in changed)
        {
            if (RecordPaths.KindOf(path) is not { } kind || Pushed(git, tip, path) is not { } file)
            {
                continue;
            }

            var found = cache.Validate(kind, file.Id, file.Bytes, path);
            diagnostics.AddRange(found);
            if (found.Any(d => d.Severity == Severity.Error))
            {
                continue;
            }

            if (path == RecordPaths.Registry)
            {
                // The worktree's reading serves only if it read these very bytes (the file may have changed between the two reads).
                var parsed = file.FromWorktree && worktree.Value is { CommittedRead: true, CommittedBytes: { } read } && read.AsSpan().SequenceEqual(file.Bytes)
                    ? worktree.Value.Committed
                    : SessionFileParser.ParseAiSessions(file.Bytes, path).Value;
                registry = parsed is null ? null : new SessionDocument<AiSessions>(parsed, file.Bytes, path);
            }
            else if (path == RecordPaths.ArchiveRegistry && SessionFileParser.ParseAiSessions(file.Bytes, path).Value is { } archived)
            {
                archive = new SessionDocument<AiSessions>(archived, file.Bytes, path);
            }
            else if (kind == SessionFileKind.Worklog && SessionFileParser.ParseWorklog(file.Bytes, path).Value is { } worklog)
            {
                worklogs.Add(new SessionDocument<Worklog>(worklog, file.Bytes, path));
            }
        }

        if (!diagnostics.Any(d => d.Severity == Severity.Error))
        {
            // Entries of archived sessions (moved by 'session archive', or logged before it) name
            // sessions the archive holds; it is read only when the live registry does not know one.
            if (archive is null && registry is not null && NamesUnknownSession(registry.Value, worklogs))
            {
                archive = ArchiveAt(git, tip);
            }

            diagnostics.AddRange(CrossFileRules.Check(new SessionFileSet(registry, Worklogs: worklogs) { Archive = archive }));
        }

        return new PushedRecords(git, tip, worktree, registry?.Value, archive?.Value, diagnostics);
    }

    /// <summary>A session of the pushed records, live or archived; null when neither file has it.</summary>
    public Session? FindSession(string id)
    {
        if (Registry?.Find(id) is { } live)
        {
            return live;
        }

        if (!archiveRead)
        {
            archive = ArchiveAt(git, tip)?.Value;
            archiveRead = true;
        }

        return archive?.Find(id);
    }

    /// <summary>
    /// True when the records of <paramref name="commitId"/> itself say the session has ended (live
    /// or archived): the commit was made knowing it. A commit made in another clone, where the
    /// session was still open, is not one.
    /// </summary>
    public bool EndedAt(string commitId, string sessionId)
    {
        foreach (var path in (ReadOnlySpan<string>)[RecordPaths.Registry, RecordPaths.ArchiveRegistry])
        {
            if (git.ReadBlobBytesAtCommit(commitId, path) is { } blob
                && (SessionFileParser.ReadSessionsOf(blob.Bytes, (id, _) => id == sessionId) ?? SessionFileParser.ParseAiSessions(blob.Bytes, path).Value)?.Find(sessionId) is { } session)
            {
                return !session.IsOpen;
            }
        }

        return false;
    }

    private static bool NamesUnknownSession(AiSessions registry, List<SessionDocument<Worklog>> worklogs)
    {
        var known = registry.Sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return worklogs.Any(w => w.Value.Entries?.Any(e => e is not null && !known.Contains(e.Session)) == true);
    }

    /// <summary>The archive at the pushed commit, parsed; null when it has none or it can't be read (its own check reports that when it is pushed).</summary>
    private static SessionDocument<AiSessions>? ArchiveAt(GitRepository git, string tip) =>
        git.ReadBlobBytesAtCommit(tip, RecordPaths.ArchiveRegistry) is { } blob
        && SessionFileParser.ParseAiSessions(blob.Bytes, RecordPaths.ArchiveRegistry).Value is { } archived
            ? new SessionDocument<AiSessions>(archived, blob.Bytes, RecordPaths.ArchiveRegistry)
            : null;

    /// <summary>A pushed record file: from the worktree when it holds exactly that blob (no inflating of a large registry), else from git.</summary>
    private static (string Id, byte[] Bytes, bool FromWorktree)? Pushed(GitRepository git, string tip, string path)
    {
        if (path == RecordPaths.Registry && git.WorktreeBlobIfAt(tip, path) is { } here)
        {
            return (here.Id, here.Bytes, true);
        }

        return git.ReadBlobBytesAtCommit(tip, path) is { } blob ? (blob.Id, blob.Bytes, false) : null;
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
            if (git.ReadBlobBytesAtCommit(tip, path) is { } blob
                && SessionFileParser.ParseWorklog(blob.Bytes, path).Value is { } worklog)
            {
                allEntries.AddRange(worklog.Entries?.Where(e => e is not null) ?? []);
            }
        }

        return allEntries;
    }
}
