using System.Globalization;
using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Git;
using SessionHooks.Hooks;
using SessionHooks.Records;
using SessionHooks.Rules;
using SessionHooks.Secrets;
using SessionHooks.Store;

namespace SessionHooks.Workflows;

/// <summary>
/// <c>session recover</c>: brings the records back in step with git without losing information
/// (SPEC §3, docs/records.md): a commit left half-way is settled; conflict markers are merged by
/// the merge rules; unreadable files are set aside and rebuilt from the last commit;
/// <c>current_session.json</c> is rebuilt; commits made without the hooks are backfilled; records a
/// reset dropped come back; and everything pending for the branch is recorded in one commit.
/// </summary>
internal static class Recovery
{
    public const string CommitSubject = "Record session state (session recover)";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static RecoveryReport Run(SessionContext context, RecoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var report = new RecoveryReport(options.DryRun);
        if (!options.DryRun)
        {
            CommitRecorder.Settle(context, newCommit: true);
        }

        var git = context.Git;
        var head = git.Head;
        var repaired = new List<string>();
        Session session;
        using (context.Store.LockAll())
        {
            Repair(context, RecordPaths.Registry, SessionFileParser.ParseAiSessions, SessionMerge.Merge, SessionJson.Serialize, report, repaired);
            Repair(context, RecordPaths.ArchiveRegistry, SessionFileParser.ParseAiSessions, SessionMerge.Merge, SessionJson.Serialize, report, repaired);
            Repair(context, RecordPaths.LegacyWorklog, SessionFileParser.ParseWorklog, SessionMerge.Merge, SessionJson.Serialize, report, repaired);
            foreach (var path in context.Store.WorklogSessions().SelectMany(context.Store.WorklogFiles))
            {
                Repair(context, path, SessionFileParser.ParseWorklog, SessionMerge.Merge, SessionJson.Serialize, report, repaired);
            }

            if (ResolveGitConflicts(context, report))
            {
                // The operation git stopped is the user's to finish; sessions are resolved after it.
                return report;
            }

            var view = RecordView.Read(context.Store);
            var before = context.Store.ReadCurrentSession().Value;
            session = SessionResolver.Resolve(context, view, head, before);
            if (before is null || before.Metadata.SessionId != session.Id || before.Metadata.Environment.Branch != head.Branch)
            {
                report.Add($"current_session.json now names session {session.Id} on {head.Branch ?? "detached HEAD"}");
            }

            if (!view.IsCommitted(session.Id) && head.Branch is not null)
            {
                report.Add($"session {session.Id} is recorded in ai_sessions.json");
            }

            foreach (var entry in Backfill(context, view, session, options.MaxBackfill))
            {
                view.Log(entry);
                report.Add($"backfilled a worklog entry for commit {entry.Commit![..12]} \"{entry.Text}\"");
            }

            ReportPending(view, session, head.Branch, report);
            if (options.DryRun)
            {
                return report;
            }

            view.Save();
            context.Store.WriteCurrentSession(CurrentSessionCache.Build(view, session, head, before, context.Now));
        }

        var restored = RestoreAfterResets(context);
        if (restored > 0)
        {
            report.Add($"{restored} record(s) that a reset took off the branch go back into its records");
        }

        if (options.Commit)
        {
            CommitRecords(context, session, repaired, report);
        }
        else
        {
            StageRecords(context, session, repaired, report);
        }

        return report;
    }

    /// <summary>What waits in the pending area for the branch's sessions, as report lines.</summary>
    private static void ReportPending(RecordView view, Session session, string? branch, RecoveryReport report)
    {
        foreach (var pending in view.Pending.Where(p => p.SessionId == session.Id || (p.Changed?.Branch ?? view.Find(p.SessionId)?.Branch) == branch))
        {
            if (pending.Entries.Count > 0)
            {
                report.Add(pending.Entries.Count == 1
                    ? $"1 pending entry of session {pending.SessionId} is recorded"
                    : $"{pending.Entries.Count} pending entries of session {pending.SessionId} are recorded");
            }

            if (pending.ChangedByHand)
            {
                report.Add($"the changes to session {pending.SessionId} are recorded");
            }
        }
    }

    /// <summary>
    /// A file that holds conflict markers is merged by the merge rules; one that can't be read is set
    /// aside (<c>*.bad-&lt;time&gt;.json</c>) and rebuilt from the last commit.
    /// </summary>
    private static void Repair<T>(
        SessionContext context,
        string repoPath,
        ParseFile<T> parse,
        Func<T, T, T> merge,
        Func<T, string> serialize,
        RecoveryReport report,
        List<string> repaired)
        where T : class
    {
        var store = context.Store;
        if (store.ReadBytes(repoPath) is not { } bytes)
        {
            return;
        }

        var read = parse(bytes, repoPath);
        if (!read.HasErrors)
        {
            return;
        }

        var text = Utf8.GetString(bytes);
        if (ConflictSides.Split(text) is var (ours, theirs) &&
            parse(Utf8.GetBytes(ours), repoPath).Value is { } oursValue &&
            parse(Utf8.GetBytes(theirs), repoPath).Value is { } theirsValue)
        {
            report.Add($"{repoPath}: resolved conflict markers by the merge rules, keeping both sides");
            if (!report.DryRun)
            {
                store.Write(repoPath, serialize(merge(oursValue, theirsValue)));
                repaired.Add(repoPath);
            }

            return;
        }

        var aside = repoPath[..^".json".Length] + ".bad-" + context.Now.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture) + ".json";
        var committed = context.Git.Head.CommitId is { } head ? context.Git.ReadFileAtCommit(head, repoPath) : null;
        var rebuilt = committed is null ? null : parse(Utf8.GetBytes(committed), repoPath).Value;
        report.Add($"{repoPath}: unreadable ({read.Diagnostics.First(d => d.Severity == Severity.Error).Message}); set aside as {Path.GetFileName(aside)}"
            + (rebuilt is null ? "" : " and rebuilt from the last commit"));
        if (report.DryRun)
        {
            return;
        }

        store.Write(aside, bytes);
        if (rebuilt is not null)
        {
            store.Write(repoPath, serialize(rebuilt));
        }
        else
        {
            store.Delete(repoPath);
        }

        repaired.Add(repoPath);
    }

    /// <summary>Entries for the branch's commits (since the repository took up SessionHooks) that nothing accounts for.</summary>
    private static List<WorklogEntry> Backfill(SessionContext context, RecordView view, Session session, int max)
    {
        var git = context.Git;
        var head = git.Head;
        if (head.CommitId is null)
        {
            return [];
        }

        var candidates = git.Commits(head.CommitId, [], max);
        var entries = new List<WorklogEntry>();
        foreach (var commit in UnloggedCommitsRule.Unlogged(git, candidates, view.AllEntries).Reverse())
        {
            var entry = CommitEntries.For(commit, session.Id, head.Branch);
            entry.Text = SecretRedactor.Redact(entry.Text ?? "", context.Config.SecretPatterns).Text;
            entry.Files = [.. git.FilesOf(commit).Select(f => new FileChange { Path = f.Path, Change = f.Change, From = f.OldPath })];
            entry.Backfilled = true;
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Records that a reset took off the branch (the commits it dropped held them) go back to the pending area.</summary>
    private static int RestoreAfterResets(SessionContext context)
    {
        var git = context.Git;
        if (git.Head.CommitId is not { } head)
        {
            return 0;
        }

        var restored = 0;
        foreach (var reset in git.HeadReflog(50).Where(r => r.Message.StartsWith("reset: moving to", StringComparison.Ordinal)))
        {
            if (reset.Old != head && git.Commits(reset.Old, [head], 1).Count > 0)
            {
                restored += CommitHistory.RestoreRemoved(context, reset.Old, head);
            }
        }

        return restored;
    }

    /// <summary>
    /// Record files git stopped a merge, rebase or cherry-pick over and that now read cleanly (the
    /// merge driver merged them, <see cref="Repair"/> resolved their markers, or git only could not
    /// decide where a file goes: a worklog file added in a folder the other side archived) are
    /// staged as they are, which is what settles a conflict in git. A file git left deleted on one
    /// side and changed on the other stays for the user to decide.
    /// </summary>
    /// <returns>True when git has conflicts over record files, resolved here or not: the rest waits for the operation to end.</returns>
    private static bool ResolveGitConflicts(SessionContext context, RecoveryReport report)
    {
        var resolved = new List<string>();
        var unmerged = context.Git.UnmergedPaths(RecordPaths.Folder);
        foreach (var path in unmerged)
        {
            if (RecordPaths.KindOf(path) is not (SessionFileKind.Worklog or SessionFileKind.AiSessions) || context.Store.ReadBytes(path) is not { } bytes)
            {
                report.Add($"{path}: git's conflict over it is left to you (git add or git rm it, then finish with git commit or git rebase --continue)");
                continue;
            }

            var readable = RecordPaths.KindOf(path) == SessionFileKind.Worklog
                ? !SessionFileParser.ParseWorklog(bytes, path).HasErrors
                : !SessionFileParser.ParseAiSessions(bytes, path).HasErrors;
            if (!readable)
            {
                report.Add($"{path}: git's conflict over it is left to you: the file does not read as a session file");
                continue;
            }

            resolved.Add(path);
            report.Add($"{path}: git's conflict is resolved with the file as merged");
        }

        if (resolved.Count > 0 && !report.DryRun)
        {
            context.Git.Stage(resolved);
        }

        if (unmerged.Count > 0)
        {
            report.Add("finish with 'git commit' (or 'git rebase --continue'), then run 'session recover' again if the push asks for it");
        }

        return unmerged.Count > 0;
    }

    /// <summary>Writes what is pending for the branch into a commit of its own, which names its session as any commit does.</summary>
    private static void CommitRecords(SessionContext context, Session session, List<string> repaired, RecoveryReport report)
    {
        var git = context.Git;
        if (git.Operation != InProgressOperation.None || git.Head.Branch is null)
        {
            if (repaired.Count > 0 || context.Store.Pending.Read(session.Id) is not null)
            {
                report.Add("the records are not committed now: finish the operation in progress (or check out a branch), then run 'session recover' again");
            }

            return;
        }

        using (context.Store.LockAll())
        {
            var view = RecordView.Read(context.Store);
            CommitRecorder.Record(context, view, session);
        }

        var recording = context.CommitInProgress.Read();
        var paths = (recording?.Files.Select(f => f.Path) ?? []).Concat(repaired).Distinct(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            return;
        }

        if (recording is null && git.PathsChangedSinceHead(paths).Count == 0)
        {
            // A file rebuilt from the last commit is that commit's again: git would refuse an empty commit.
            report.Add("the repaired files are now as the last commit holds them; nothing to commit");
            return;
        }

        git.StageIntoIndex(repaired);

        // The hooks are off for this commit: it records the pending area itself, and names its session itself.
        var result = git.CommitPaths(paths, [CommitSubject, CommitTrailer.Line(session.Id)]);
        if (result is null)
        {
            CommitRecorder.Finish(context);
            report.Add("committed the recovered session records");
        }
        else
        {
            CommitRecorder.Settle(context, newCommit: true);
            report.Add($"could not commit the session records: {result}");
        }
    }

    /// <summary>With <c>--no-commit</c>: the records are written and staged for the user's next commit, and leave the pending area.</summary>
    private static void StageRecords(SessionContext context, Session session, List<string> repaired, RecoveryReport report)
    {
        using (context.Store.LockAll())
        {
            var view = RecordView.Read(context.Store);
            CommitRecorder.Record(context, view, session);
        }

        var recording = context.CommitInProgress.Read();
        context.Git.StageIntoIndex(repaired);
        if (recording is not null)
        {
            CommitRecorder.KeepStaged(context);
            report.Add("staged the recovered session records; your next commit records them");
        }
        else if (repaired.Count > 0)
        {
            report.Add("staged the repaired session files; your next commit records them");
        }
    }

    private delegate LoadResult<T> ParseFile<T>(ReadOnlySpan<byte> bytes, string displayPath)
        where T : class;
}

internal sealed record RecoveryOptions(bool DryRun = false, bool Commit = true, int MaxBackfill = 500);

internal sealed class RecoveryReport(bool dryRun)
{
    private readonly List<string> steps = [];

    public bool DryRun { get; } = dryRun;

    public IReadOnlyList<string> Steps => steps;

    public void Add(string step) => steps.Add(step);
}
