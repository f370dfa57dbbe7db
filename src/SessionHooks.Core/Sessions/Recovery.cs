using System.Globalization;
using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Formats;
using SessionHooks.Git;
using SessionHooks.Ids;
using SessionHooks.Merging;
using SessionHooks.Model;
using SessionHooks.Safety;

namespace SessionHooks.Sessions;

/// <summary>
/// <c>session recover</c>: brings the session files back in step without losing information
/// (SPEC §3): conflict markers merged by the merge rules, unreadable files moved aside and
/// rebuilt, current_session.json re-synced, unlogged commits backfilled, and the result committed.
/// </summary>
public static class Recovery
{
    public static RecoveryReport Run(SessionContext context, RecoveryOptions options)
    {
        var report = new RecoveryReport(options.DryRun);
        var now = context.Now;

        // Backfilled subjects are checked for secrets; a pattern of config.json that cannot run stops recovery before it changes anything.
        var patterns = context.Config.SecretPatterns ?? [];
        Secrets.SecretRedactor.Redact("", patterns);
        using (context.Store.LockAll())
        {
            var sessions = Repair<AiSessions>(context, SessionFileKind.AiSessions, report, SessionFileParser.ParseAiSessions, SessionMerge.Merge, SessionJson.Serialize, now)
                ?? PreCommit.NewSessions();
            var worklog = Repair<Worklog>(context, SessionFileKind.Worklog, report, SessionFileParser.ParseWorklog, SessionMerge.Merge, SessionJson.Serialize, now)
                ?? PreCommit.NewWorklog();

            var head = context.Git.Head;
            var before = context.Store.ReadCurrentSession().Value;
            var current = SessionResolver.Resolve(head, sessions, before, context.Pending, now);
            if (before is null || before.Metadata.SessionId != current.Metadata.SessionId || before.Metadata.Environment.Branch != head.Branch)
            {
                report.Add($"current_session.json now names session {current.Metadata.SessionId} on {head.Branch ?? "detached HEAD"}");
            }

            var session = sessions.Find(current.Metadata.SessionId);
            if (session is null && head.Branch is not null && head.CommitId is not null)
            {
                session = SessionFactory.Register(current, null, context.Config, now);
                sessions.Sessions.Add(session);
                report.Add($"registered session {session.Id} in ai_sessions.json");
            }

            var backfilled = Backfill(context, worklog, current.Metadata.SessionId, options.MaxBackfill, patterns);
            foreach (var entry in backfilled)
            {
                report.Add($"backfilled worklog entry for commit {entry.Commit![..12]} \"{entry.Text}\"");
            }

            var changesCommitted = report.Steps.Count > 0 && session is not null;
            if (session is not null && changesCommitted)
            {
                session.LastUpdated = now;
            }

            if (options.DryRun)
            {
                return report;
            }

            context.Store.WriteText(SessionFileKind.AiSessions, SessionJson.Serialize(sessions));
            context.Store.WriteText(SessionFileKind.Worklog, SessionJson.Serialize(worklog));
            current.Metadata.LastUpdated = now;
            context.Store.WriteText(SessionFileKind.CurrentSession, SessionJson.Serialize(current));
        }

        if (options.Commit && !options.DryRun)
        {
            CommitRecovered(context, report, now);
        }

        return report;
    }

    private static T? Repair<T>(
        SessionContext context,
        SessionFileKind kind,
        RecoveryReport report,
        ParseFile<T> parse,
        Func<T, T, T> merge,
        Func<T, string> serialize,
        DateTimeOffset now)
        where T : class
    {
        var path = OwnedPath.InWorktree(context.WorktreeRoot, kind.RepoPath());
        if (path.ReadAllBytes() is not { } bytes)
        {
            return null;
        }

        var read = parse(bytes, kind.RepoPath());
        if (!read.HasErrors)
        {
            return read.Value;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (ConflictSides.Split(text) is var (ours, theirs) &&
            parse(Encoding.UTF8.GetBytes(ours), kind.RepoPath()).Value is { } oursValue &&
            parse(Encoding.UTF8.GetBytes(theirs), kind.RepoPath()).Value is { } theirsValue)
        {
            report.Add($"{kind.RepoPath()}: resolved conflict markers by the merge rules, keeping both sides");
            return merge(oursValue, theirsValue);
        }

        // Not mergeable: keep the bad file beside the good one, and start again from the last commit.
        var stem = $"{Path.GetFileNameWithoutExtension(path.FullPath)}.bad-{now.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}";
        var aside = path.Sibling(stem + ".json");
        for (var n = 2; aside.Exists(); n++)
        {
            aside = path.Sibling(string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.json"));
        }

        report.Add($"{kind.RepoPath()}: unreadable ({read.Diagnostics[0].Message}); moved to {Path.GetFileName(aside.FullPath)} and rebuilt from HEAD");
        if (!report.DryRun)
        {
            aside.WriteAtomic(bytes);
        }

        var committed = context.Git.Head.CommitId is { } head ? context.Git.ReadFileAtCommit(head, kind.RepoPath()) : null;
        var rebuilt = committed is null ? null : parse(Encoding.UTF8.GetBytes(committed), kind.RepoPath()).Value;
        if (rebuilt is not null && !report.DryRun)
        {
            // Make the rebuilt file visible to the store's later re-reads in this lock.
            context.Store.WriteText(kind, serialize(rebuilt));
        }

        return rebuilt;
    }

    private static List<WorklogEntry> Backfill(SessionContext context, Worklog worklog, string sessionId, int max, List<string> patterns)
    {
        var git = context.Git;
        if (git.Head.CommitId is not { } head)
        {
            return [];
        }

        var remote = GitConfig.Get(context.WorktreeRoot, $"branch.{git.Head.Branch}.remote") ?? "origin";
        var candidates = git.CommitsToPush(head, remote, null).Take(max).ToList();
        var unlogged = WorklogRules.FindUnlogged(git, worklog, candidates);
        var entries = new List<WorklogEntry>();
        foreach (var commit in unlogged.Reverse())
        {
            var entry = new WorklogEntry
            {
                Id = EntryId.New(commit.CommitTime),
                Session = sessionId,
                Time = commit.CommitTime,
                Kind = WorklogKind.Commit,
                Text = Secrets.SecretRedactor.Redact(commit.Subject, patterns).Text,
                Author = $"{commit.AuthorName} <{commit.AuthorEmail}>",
                Branch = git.Head.Branch,
                Parent = commit.Parents.Count > 0 ? commit.Parents[0] : null,
                Files = [.. git.NumStat(commit.Id).Select(f => new FileChange { Path = f.Path, Change = ChangeKind.Modified })],
                Commit = commit.Id,
                Backfilled = true,
            };
            worklog.Entries.Add(entry);
            entries.Add(entry);
        }

        return entries;
    }

    private static void CommitRecovered(SessionContext context, RecoveryReport report, DateTimeOffset now)
    {
        var git = context.Git;
        string[] paths = [SessionFileKind.AiSessions.RepoPath(), SessionFileKind.Worklog.RepoPath()];
        if (git.Operation != InProgressOperation.None || git.Head.Branch is null || git.PathsChangedSinceHead(paths).Count == 0)
        {
            return;
        }

        // The commit that records the recovery carries its own entry, as a hook-made commit would.
        var current = context.Store.ReadCurrentSession().Value;
        context.Store.AppendWorklogEntries([new WorklogEntry
        {
            Id = EntryId.New(now),
            Session = current?.Metadata.SessionId ?? "",
            Time = now,
            Kind = WorklogKind.Commit,
            Text = "Record session state (session recover)",
            Branch = git.Head.Branch,
            Parent = git.Head.CommitId,
            Files = [],
        }]);

        var result = GitCli.Run(context.WorktreeRoot,
            ["-c", "core.hooksPath=/dev/null", "commit", "--quiet", "--no-verify", "-m", "Record session state (session recover)", "--", .. paths]);
        report.Add(result.Succeeded
            ? "committed the recovered session files"
            : $"could not commit the session files: {result.StandardError.Trim()}");
    }

    private delegate LoadResult<T> ParseFile<T>(ReadOnlySpan<byte> bytes, string displayPath)
        where T : class;
}

public sealed record RecoveryOptions(bool DryRun = false, bool Commit = true, int MaxBackfill = 500);

public sealed class RecoveryReport(bool dryRun)
{
    private readonly List<string> steps = [];

    public bool DryRun { get; } = dryRun;

    public IReadOnlyList<string> Steps => steps;

    public void Add(string step) => steps.Add(step);
}
