using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Workflows;

namespace SessionHooks.Rules;

/// <summary><c>current_session.json</c> must follow the branch being pushed when that branch is checked out here.</summary>
internal sealed class CurrentSessionOutOfStepRule : PushRule
{
    public override string Name => "current_session_out_of_step";

    public override string Description => "current_session.json does not match the branch being pushed.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [DiagnosticCatalog.CurrentSessionOutOfStep];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push)
    {
        if (!push.IsCheckedOut || push.Branch is not { } branch)
        {
            yield break;
        }

        var path = RecordPaths.CurrentSession;
        var read = push.Context.Store.ReadCurrentSession();
        if (read.Value is not { } current)
        {
            foreach (var diagnostic in read.Diagnostics)
            {
                yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, diagnostic.Message);
            }

            if (read.Diagnostics.Count == 0)
            {
                yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, $"{path} is missing for branch '{branch}'");
            }

            yield break;
        }

        if (current.Metadata.Environment.Branch != branch)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path,
                $"{path} names branch '{current.Metadata.Environment.Branch ?? "(detached)"}', not '{branch}'");
            yield break;
        }

        var view = push.Worktree;
        var id = current.Metadata.SessionId;
        if ((push.Records.Registry?.Find(id) ?? view.Find(id)) is not { } session)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, push.Records.FindSession(id) is null
                ? $"{path} names session {id}, which no record has"
                : $"{path} names session {id}, which has ended and is archived");
        }
        else if (session.Branch != branch)
        {
            yield return DiagnosticCatalog.CurrentSessionOutOfStep.ForFile(path, $"session {session.Id} belongs to branch '{session.Branch}', not '{branch}'");
        }
    }
}

/// <summary>Commits are pushed for a session that was closed before they were made.</summary>
internal sealed class ClosedSessionPushedRule : PushRule
{
    public override string Name => "closed_session_pushed";

    public override string Description => "Commits are pushed for a completed or abandoned session.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [DiagnosticCatalog.ClosedSessionPushed];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push)
    {
        if (push.Records.Registry is null)
        {
            yield break;
        }

        foreach (var group in push.Commits.Where(c => !c.IsMerge && c.SessionId is not null).GroupBy(c => c.SessionId!))
        {
            // Made after the end by the clock, and on top of the records that say it ended: a
            // commit made in another clone while the session was open there is that clone's work.
            if (push.Records.FindSession(group.Key) is { IsOpen: false } closed
                && group.Any(c => c.CommitTime > closed.LastUpdated && push.Records.EndedAt(c.Id, closed.Id)))
            {
                yield return DiagnosticCatalog.ClosedSessionPushed.ForFile(RecordPaths.Registry,
                    $"session {closed.Id} of '{closed.Branch}' is {Names.Of(closed.Status)}, yet commits made after it ended are pushed for it");
            }
        }
    }
}

/// <summary>The branch's session has not been touched for long while commits were made.</summary>
internal sealed class SessionOutdatedRule : PushRule
{
    public override string Name => "session_outdated";

    public override RuleLevel DefaultLevel => RuleLevel.Warning;

    public override string Description => "The session's last activity trails the newest pushed commit by more than stale_after_hours.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [DiagnosticCatalog.SessionOutdated];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push)
    {
        if (push.Branch is not { } branch || push.Records.Registry is not { } registry || push.Commits.Count == 0)
        {
            yield break;
        }

        var session = registry.Sessions.Where(s => s.IsOpen && s.Branch == branch).MaxBy(s => s.LastUpdated);
        if (session is null)
        {
            yield break;
        }

        // A commit that names the session is activity in it; the session's record says the rest.
        var newest = push.Commits.Max(c => c.CommitTime);
        var active = push.Commits.Where(c => c.SessionId == session.Id).Select(c => c.CommitTime).Append(session.LastUpdated).Max();
        var hours = (newest - active).TotalHours;
        if (hours > push.Config.StaleAfterHours)
        {
            yield return DiagnosticCatalog.SessionOutdated.ForFile(RecordPaths.Registry,
                $"session {session.Id} of '{branch}' was last active {active:u}, {hours:0} h before the newest pushed commit");
        }
    }
}

/// <summary>What was logged or changed by hand is not in the pushed commits.</summary>
internal sealed class UncommittedSessionChangesRule : PushRule
{
    public override string Name => "uncommitted_session_changes";

    public override string Description => "Logged entries or session changes are not in the pushed commits.";

    public override IReadOnlyList<DiagnosticDescriptor> Codes { get; } = [DiagnosticCatalog.UncommittedSessionChanges];

    internal override IEnumerable<Diagnostic> Check(PushedBranch push)
    {
        var head = push.Git.Head;
        if (!push.IsCheckedOut || head.CommitId != push.Update.LocalOid)
        {
            yield break;
        }

        var view = push.Worktree;
        foreach (var pending in view.Pending.Where(p => p.HasHandWork && SessionBranch(view, p) == push.Branch))
        {
            var entries = pending.HandEntries.Count();
            var what = (entries, pending.ChangedByHand) switch
            {
                (0, _) => "a change to the session",
                (_, true) => $"{entries} logged entr{(entries == 1 ? "y" : "ies")} and a change to the session",
                _ => $"{entries} logged entr{(entries == 1 ? "y" : "ies")}",
            };
            yield return DiagnosticCatalog.UncommittedSessionChanges.ForFile(RecordPaths.Registry,
                $"session {pending.SessionId} has {what} that no pushed commit records");
        }

        if (view.PendingRepository is { IsEmpty: false })
        {
            yield return DiagnosticCatalog.UncommittedSessionChanges.ForFile(RecordPaths.Registry,
                "the repository's notes or knowledge cache changed, and no pushed commit records it");
        }

        // The registries and the worklog folders of the branch's sessions still being written (open,
        // or with something pending): what the hooks and commands change. A closed session's worklog
        // files and the archived ones were written by the commits that added them, and are many;
        // asking about each of them would make a push cost more as history grows (an archive moves
        // files, and changes the archive's registry with them).
        var asked = new List<string> { RecordPaths.Registry, RecordPaths.LegacyWorklog, RecordPaths.ArchiveRegistry };
        asked.AddRange(view.Registry.Sessions
            .Where(s => s is not null && s.Branch == push.Branch && (s.IsOpen || view.PendingOf(s.Id) is not null) && RecordPaths.IsSafeName(s.Id))
            .Select(s => RecordPaths.SessionWorklog(s.Id)));
        foreach (var path in push.Git.PathsChangedSinceHead(asked))
        {
            yield return DiagnosticCatalog.UncommittedSessionChanges.ForFile(path, $"{path} has changes that are not in the pushed commits");
        }
    }

    private static string? SessionBranch(RecordView view, PendingSession pending) =>
        pending.Changed?.Branch ?? view.Find(pending.SessionId)?.Branch;
}
