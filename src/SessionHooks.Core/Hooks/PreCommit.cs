using SessionHooks.Workflows;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Git;
using SessionHooks.Ids;
using SessionHooks.Validation;

namespace SessionHooks.Hooks;

/// <summary>
/// pre-commit (and pre-merge-commit): registers the session, adds the commit's worklog entry and
/// stages exactly ai_sessions.json and worklog.json into the index git is committing.
/// </summary>
public static class PreCommit
{
    private static readonly string[] OwnFiles = [SessionFileKind.AiSessions.RepoPath(), SessionFileKind.Worklog.RepoPath()];

    public static HookOutcome Run(SessionContext context) => Run(context, mergeCommit: false);

    /// <param name="mergeCommit">
    /// Run as pre-merge-commit. git has already written the merge's tree when this hook runs, so
    /// nothing staged now would reach the commit: only current_session.json is brought in step.
    /// Merge commits need no entry of their own; the merge driver unions both sides' entries, and
    /// a merge concluded with 'git commit' (after conflicts) gets its merge entry from pre-commit.
    /// </param>
    public static HookOutcome Run(SessionContext context, bool mergeCommit)
    {
        if (mergeCommit)
        {
            return PostCheckout.Resync(context);
        }

        var git = context.Git;
        var staged = git.StagedChanges();
        var invalid = ValidateStagedSessionFiles(git, staged);
        if (invalid.Count > 0)
        {
            return HookOutcome.Refuse("commit refused: a staged session file breaks its schema", invalid);
        }

        var head = git.Head;
        var amend = head.CommitId is not null && GitInvocation.IsAmendingCommit();
        var amendedParent = amend ? git.FindCommit(head.CommitId!)?.Parents is [var first, ..] ? first : null : null;
        var files = (amend ? git.StagedChangesAgainst(amendedParent) : staged)
            .Where(change => !OwnFiles.Contains(change.Path))
            .Select(change => new FileChange { Path = change.Path, Change = change.Change, From = change.OldPath })
            .ToList();

        var merged = git.MergeHead is { } mergeHead ? new List<string> { mergeHead } : null;
        var now = context.Now;
        string sessionId;
        using (context.Store.LockAll())
        {
            var sessionsFile = context.Store.ReadAiSessions();
            if (Broken(sessionsFile.Diagnostics) is { Count: > 0 } brokenSessions)
            {
                return HookOutcome.Refuse("commit refused: a session file cannot be read", brokenSessions);
            }

            var sessions = sessionsFile.Value ?? NewSessions();
            var current = context.Store.ReadCurrentSession().Value;
            current = SessionResolver.Resolve(head, sessions, current, context.Pending, now);
            var session = EnsureRegistered(context, sessions, ref current, now);
            session.LastUpdated = now;
            sessionId = session.Id;

            var entry = new WorklogEntry
            {
                Id = EntryId.New(now),
                Session = session.Id,
                Time = now,
                Kind = merged is null ? WorklogKind.Commit : WorklogKind.Merge,
                Author = Author(git),
                Branch = head.Branch,
                Parent = amend ? amendedParent : head.CommitId,
                Merged = merged,
                Files = files,
            };

            // A new entry goes at the end without reading the history before it; an amend must
            // find the entry it replaces, so it reads the worklog whole.
            if (amend || !context.Store.TryAppendWorklogEntry(entry))
            {
                var worklogFile = context.Store.ReadWorklog();
                if (Broken(worklogFile.Diagnostics) is { Count: > 0 } brokenWorklog)
                {
                    return HookOutcome.Refuse("commit refused: a session file cannot be read", brokenWorklog);
                }

                var worklog = worklogFile.Value ?? NewWorklog();
                if (amend && FindAmendedEntry(worklog, amendedParent, head.Branch) is { } amended)
                {
                    // The amended commit replaces its predecessor: keep one entry, with the new content.
                    entry.Id = amended.Id;
                    worklog.Entries[worklog.Entries.IndexOf(amended)] = entry;
                }
                else
                {
                    worklog.Entries.Add(entry);
                }

                context.Store.UpdateWorklog(_ => worklog);
            }

            current.Metadata.LastUpdated = now;
            current.Metadata.Environment.LastCommit = head.CommitId;
            current.Context.RecentChanges = [.. files.Select(f => f.Path).Take(20)];

            var finalCurrent = current;
            context.Store.UpdateAiSessions(_ => sessions);
            context.Store.UpdateCurrentSession(_ => finalCurrent);
        }

        git.Stage(OwnFiles);
        context.Log.Information("pre-commit on {Branch}: session {Session}, {Files} files, amend {Amend}", head.Branch, sessionId, files.Count, amend);
        return HookOutcome.Done($"logged {files.Count} file(s) in session {sessionId}");
    }

    private static Session EnsureRegistered(SessionContext context, AiSessions sessions, ref CurrentSession current, DateTimeOffset now)
    {
        var session = sessions.Find(current.Metadata.SessionId);
        if (session is { IsOpen: false })
        {
            // The session was ended by hand: new work on the branch belongs to a new session.
            current = SessionFactory.NewCurrent(current.Metadata.Environment.Branch, current.Metadata.Environment.LastCommit, now);
            session = null;
        }

        if (session is null)
        {
            session = SessionFactory.Register(current, Author(context.Git), context.Config, now);
            sessions.Sessions.Add(session);
        }

        return session;
    }

    private static List<Diagnostic> Broken(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Severity == Severity.Error)];

    private static WorklogEntry? FindAmendedEntry(Worklog worklog, string? parent, string? branch) =>
        worklog.Entries.LastOrDefault(e =>
            e.Kind is WorklogKind.Commit or WorklogKind.Merge && e.Commit is null && e.Parent == parent && e.Branch == branch);

    private static List<Diagnostic> ValidateStagedSessionFiles(GitRepository git, IReadOnlyList<StagedChange> staged)
    {
        var problems = new List<Diagnostic>();
        foreach (var change in staged.Where(c => c.Change != ChangeKind.Deleted))
        {
            if (!change.Path.StartsWith(SessionFiles.Folder + "/", StringComparison.Ordinal) ||
                SessionFiles.FromFileName(change.Path) is not { } kind || !kind.IsCommitted() ||
                change.Path != kind.RepoPath())
            {
                continue;
            }

            var text = git.ReadFileFromIndex(change.Path);
            if (text is not null)
            {
                problems.AddRange(SchemaValidator.Shared.Validate(kind, text, change.Path).Where(d => d.Severity == Severity.Error));
            }
        }

        return problems;
    }

    private static string Author(GitRepository git)
    {
        var identity = git.Identity();
        return $"{identity.Name} <{identity.Email}>";
    }

    internal static AiSessions NewSessions() => new() { Schema = SessionFileKind.AiSessions.SchemaReference() };

    internal static Worklog NewWorklog() => new() { Schema = SessionFileKind.Worklog.SchemaReference() };
}
