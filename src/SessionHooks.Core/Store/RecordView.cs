using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>
/// The records as they stand for this worktree: what its committed files say, with what the
/// pending area adds on top (docs/records.md). Commands change sessions and log entries here; the
/// changes go to the pending area, and only a commit writes committed files. Read and save it
/// under <see cref="SessionStore.LockAll"/> when changing it.
/// </summary>
internal sealed class RecordView
{
    private readonly SessionStore store;
    private readonly Dictionary<string, PendingSession> pending;
    private readonly HashSet<string> edited = new(StringComparer.Ordinal);
    private PendingRepository? repository;
    private bool repositoryEdited;
    private Worklog? legacy;
    private bool legacyRead;
    private List<Session>? archived;

    private RecordView(SessionStore store, AiSessions committed, IReadOnlyList<PendingSession> pending, PendingRepository? repository)
    {
        this.store = store;
        Committed = committed;
        this.pending = pending.ToDictionary(p => p.SessionId, StringComparer.Ordinal);
        this.repository = repository;
        Registry = Effective();
    }

    /// <summary><c>ai_sessions.json</c> as committed in the worktree (a fresh one when there is none).</summary>
    public AiSessions Committed { get; }

    /// <summary>True when <see cref="Committed"/> was read from the worktree's file (false: there is none, or a tolerant read could not read it).</summary>
    public bool CommittedRead { get; private init; }

    /// <summary>The bytes <see cref="Committed"/> was read from, when it was read from the worktree's file.</summary>
    public byte[]? CommittedBytes { get; private init; }

    /// <summary>The sessions and repository-wide lists with the pending changes applied.</summary>
    public AiSessions Registry { get; private set; }

    /// <summary>Problems met reading worklog or pending files that did not stop the read.</summary>
    public List<Diagnostic> Problems { get; } = [];

    public IReadOnlyCollection<PendingSession> Pending => pending.Values;

    public PendingRepository? PendingRepository => repository;

    /// <summary>Reads the worktree's records; a committed file that exists but can't be read stops it (SH1xxx), since writing past it could lose it.</summary>
    public static RecordView Read(SessionStore store) => Read(store, tolerant: false);

    /// <summary>
    /// Reads the worktree's records for a check that only looks: with <paramref name="tolerant"/>, an
    /// unreadable <c>ai_sessions.json</c> reads as empty and is reported in <see cref="Problems"/>.
    /// </summary>
    public static RecordView Read(SessionStore store, bool tolerant)
    {
        ArgumentNullException.ThrowIfNull(store);
        var registry = store.ReadRegistry(out var bytes);
        if (registry.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } error)
        {
            if (!tolerant)
            {
                throw new SessionHooksException(error with { Hint = "run 'session validate', or 'session recover' to repair it" });
            }

            var empty = new RecordView(store, FileFormats.AiSessions.Fresh(RecordPaths.Registry), store.Pending.ReadAll(), store.Pending.ReadRepository());
            empty.Problems.Add(error);
            return empty;
        }

        var committed = registry.Value ?? FileFormats.AiSessions.Fresh(RecordPaths.Registry);
        var view = new RecordView(store, committed, store.Pending.ReadAll(), store.Pending.ReadRepository())
        {
            CommittedRead = registry.Value is not null,
            CommittedBytes = registry.Value is not null ? bytes : null,
        };
        view.Problems.AddRange(store.Pending.Problems);
        return view;
    }

    /// <summary>
    /// The records with only the committed sessions <paramref name="wanted"/> picks by id and branch
    /// (and every pending one), for a hook that looks up a branch's session; the whole records
    /// (<see cref="Read(SessionStore)"/>) when <c>ai_sessions.json</c> needs a full read. Such a view
    /// must not create sessions: a new one inherits the open tasks of all the others.
    /// </summary>
    public static RecordView ReadOnlyOf(SessionStore store, Func<string?, string?, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.ReadRegistryOf(wanted) is not { } some)
        {
            return Read(store);
        }

        var view = new RecordView(store, some, store.Pending.ReadAll(), store.Pending.ReadRepository()) { CommittedRead = true, IsSelection = true };
        view.Problems.AddRange(store.Pending.Problems);
        return view;
    }

    /// <summary>True when <see cref="Committed"/> holds only some of the sessions (<see cref="ReadOnlyOf"/>).</summary>
    public bool IsSelection { get; private init; }

    public Session? Find(string? id) => id is null ? null : Registry.Find(id);

    /// <summary>
    /// The sessions <c>session archive</c> moved out of <c>ai_sessions.json</c>, read when first asked
    /// (an unreadable archive reads as empty, its problem in <see cref="Problems"/>).
    /// </summary>
    public IReadOnlyList<Session> Archived
    {
        get
        {
            if (archived is null)
            {
                var read = store.ReadArchive();
                Problems.AddRange(read.Diagnostics.Where(d => d.Severity == Severity.Error));
                archived = read.Value?.Sessions?.Where(s => s is not null).ToList() ?? [];
            }

            return archived;
        }
    }

    /// <summary>A session, live or archived: the live record when both have it (a merge may bring an archived one back).</summary>
    public Session? FindAnywhere(string? id) => id is null ? null : Find(id) ?? Archived.FirstOrDefault(s => s.Id == id);

    /// <summary>Every session, live ones first, then the archived ones not live, each id once.</summary>
    public IReadOnlyList<Session> AllSessions() =>
        [.. Registry.Sessions.Concat(Archived.Where(a => Registry.Find(a.Id) is null))];

    /// <summary>The branch's open session, the most recently updated when there are several.</summary>
    public Session? OpenSessionOf(string? branch) =>
        branch is null ? null : Registry.Sessions.Where(s => s.IsOpen && s.Branch == branch).MaxBy(s => s.LastUpdated);

    /// <summary>True when a commit has recorded the session.</summary>
    public bool IsCommitted(string id) => Committed.Find(id) is not null;

    public PendingSession? PendingOf(string id) => pending.GetValueOrDefault(id);

    /// <summary>The session's entries: its worklog files, a format 1 worklog's, and the pending ones; each id once, oldest first.</summary>
    public IReadOnlyList<WorklogEntry> EntriesOf(string sessionId) =>
        EntrySet.Union(CommittedEntriesOf(sessionId).Concat(PendingOf(sessionId)?.Entries ?? []));

    /// <summary>The session's entries that commits have recorded.</summary>
    public IReadOnlyList<WorklogEntry> CommittedEntriesOf(string sessionId)
    {
        var entries = new List<WorklogEntry>();
        if (RecordPaths.IsSafeName(sessionId))
        {
            foreach (var path in store.WorklogFiles(sessionId))
            {
                var read = store.ReadWorklog(path);
                Problems.AddRange(read.Diagnostics.Where(d => d.Severity == Severity.Error));
                entries.AddRange(read.Value?.Entries?.Where(e => e is not null) ?? []);
            }
        }

        entries.AddRange(LegacyEntries().Where(e => e.Session == sessionId));
        return entries;
    }

    /// <summary>Every session's entries (the journal, archive), each id once.</summary>
    public IReadOnlyList<WorklogEntry> AllEntries() =>
        EntrySet.Union(Registry.Sessions.Select(s => s.Id).Concat(store.WorklogSessions()).Distinct(StringComparer.Ordinal)
            .SelectMany(EntriesOf)
            .Concat(LegacyEntries()));

    /// <summary>
    /// The session to change, as it stands now; what is done to it is saved to the pending area by
    /// <see cref="Save"/>. <paramref name="byHand"/>: a person or assistant changed it, so a push
    /// should carry the change.
    /// </summary>
    public Session Edit(string id, bool byHand)
    {
        var current = Find(id) ?? throw new SessionHooksException(DiagnosticCatalog.SessionNotFound.ForFile(RecordPaths.Registry, $"no session has the id '{id}'"));
        var record = pending.GetValueOrDefault(id) ?? new PendingSession { SessionId = id };

        // Rebased on what is committed now, so the next commit applies exactly the change made here.
        record.Base = Committed.Find(id) is { } committed ? SessionJson.Copy(committed) : null;
        record.Changed = SessionJson.Copy(current);
        record.ChangedByHand |= byHand;
        pending[id] = record;
        edited.Add(id);
        Replace(record.Changed);
        return record.Changed;
    }

    /// <summary>A session started here; a commit registers it.</summary>
    public void Start(Session session, bool byHand)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (IsSelection)
        {
            throw new InvalidOperationException("a session is started on the whole records, not a selection of them");
        }

        var record = pending.GetValueOrDefault(session.Id) ?? new PendingSession { SessionId = session.Id };
        record.Base = null;
        record.Changed = session;
        record.ChangedByHand |= byHand;
        pending[session.Id] = record;
        edited.Add(session.Id);
        Replace(session);
    }

    /// <summary>
    /// Takes back a session started here that nothing was done in yet (no commit recorded it, nothing
    /// was logged or changed by hand): a session started by hand replaces it. False when it is not such a one.
    /// </summary>
    public bool DiscardUntouched(string id)
    {
        if (IsCommitted(id) || PendingOf(id) is not { ChangedByHand: false, Entries.Count: 0, Changed: not null } record)
        {
            return false;
        }

        record.Changed = null;
        record.Base = null;
        edited.Add(id);
        Registry.Sessions.RemoveAll(s => s.Id == id);
        return true;
    }

    /// <summary>Adds an entry to its session's pending entries (once per id).</summary>
    public void Log(WorklogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = pending.GetValueOrDefault(entry.Session) ?? new PendingSession { SessionId = entry.Session };
        if (!record.Entries.Exists(e => e.Id == entry.Id))
        {
            record.Entries.Add(entry);
        }

        pending[entry.Session] = record;
        edited.Add(entry.Session);
    }

    /// <summary>The repository-wide notes or knowledge cache, to change; saved by <see cref="Save"/>.</summary>
    public List<string> EditRepositoryList(bool notes)
    {
        repository ??= new PendingRepository();
        if (notes)
        {
            repository.BaseContextNotes = [.. Committed.ContextNotes];
            repository.ContextNotes = [.. Registry.ContextNotes];
            Registry.ContextNotes = repository.ContextNotes;
            repositoryEdited = true;
            return repository.ContextNotes;
        }

        repository.BaseKnowledgeCache = [.. Committed.KnowledgeCache];
        repository.KnowledgeCache = [.. Registry.KnowledgeCache];
        Registry.KnowledgeCache = repository.KnowledgeCache;
        repositoryEdited = true;
        return repository.KnowledgeCache;
    }

    /// <summary>Writes what was changed through this view to the pending area; the caller holds its lock.</summary>
    public void Save()
    {
        foreach (var id in edited)
        {
            store.Pending.Write(pending[id]);
        }

        if (repositoryEdited)
        {
            store.Pending.WriteRepository(repository);
        }

        edited.Clear();
        repositoryEdited = false;
    }

    private IEnumerable<WorklogEntry> LegacyEntries()
    {
        if (!legacyRead)
        {
            legacyRead = true;
            if (store.HasLegacyWorklog)
            {
                var read = store.ReadLegacyWorklog();
                Problems.AddRange(read.Diagnostics.Where(d => d.Severity == Severity.Error));
                legacy = read.Value;
            }
        }

        return legacy?.Entries?.Where(e => e is not null) ?? [];
    }

    private void Replace(Session session)
    {
        var index = Registry.Sessions.FindIndex(s => s.Id == session.Id);
        if (index >= 0)
        {
            Registry.Sessions[index] = session;
        }
        else
        {
            Registry.Sessions.Add(session);
        }
    }

    private AiSessions Effective()
    {
        var effective = new AiSessions
        {
            Schema = Committed.Schema,
            SchemaVersion = FormatVersion.Current,
            KnowledgeCache = repository?.KnowledgeCache is { } cache
                ? SessionMerge.ApplyLocal(repository.BaseKnowledgeCache ?? [], Committed.KnowledgeCache, cache)
                : [.. Committed.KnowledgeCache],
            ContextNotes = repository?.ContextNotes is { } notes
                ? SessionMerge.ApplyLocal(repository.BaseContextNotes ?? [], Committed.ContextNotes, notes)
                : [.. Committed.ContextNotes],
            Sessions = [.. Committed.Sessions],
            Extra = Committed.Extra,
        };

        foreach (var record in pending.Values.Where(p => p.Changed is not null).OrderBy(p => p.Changed!.Created))
        {
            var index = effective.Sessions.FindIndex(s => s.Id == record.SessionId);
            var applied = SessionMerge.ApplyLocal(record.Base, index >= 0 ? effective.Sessions[index] : null, record.Changed!);
            if (index >= 0)
            {
                effective.Sessions[index] = applied;
            }
            else
            {
                effective.Sessions.Add(applied);
            }
        }

        return effective;
    }
}
