using SessionHooks.Store;
using SessionHooks.Git;
using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>
/// Decides which session the checked-out branch is in: the current one when it already belongs
/// to the branch, else the branch's open registered session, else one started earlier on this
/// worktree but not yet committed, else a new one.
/// </summary>
internal static class SessionResolver
{
    public static CurrentSession Resolve(HeadInfo head, AiSessions? sessions, CurrentSession? current, PendingSessions pending, DateTimeOffset now)
    {
        var branch = head.Branch;
        if (current is not null && InStep(current, head, sessions))
        {
            current.Metadata.Environment.LastCommit = head.CommitId;
            return current;
        }

        // Leaving a session that no commit has registered yet: remember it for this branch.
        if (current?.Metadata.Environment.Branch is { } previousBranch && sessions?.Find(current.Metadata.SessionId) is null)
        {
            pending.Put(previousBranch, current);
        }

        if (branch is null)
        {
            // A detached HEAD (inspecting a commit, bisecting) carries the session along.
            if (current is not null)
            {
                current.Metadata.Environment.Branch = null;
                current.Metadata.Environment.LastCommit = head.CommitId;
                return current;
            }

            return SessionFactory.NewCurrent(null, head.CommitId, now);
        }

        if (SessionFactory.OpenSessionOf(sessions, branch) is { } open)
        {
            return SessionFactory.Resume(open, head.CommitId, now);
        }

        if (pending.Take(branch) is { } remembered)
        {
            remembered.Metadata.Environment.LastCommit = head.CommitId;
            return remembered;
        }

        return SessionFactory.NewCurrent(branch, head.CommitId, now);
    }

    /// <summary>True when the record names this branch and a session that is open (or not yet registered).</summary>
    public static bool InStep(CurrentSession current, HeadInfo head, AiSessions? sessions)
    {
        if (current.Metadata.Environment.Branch != head.Branch || string.IsNullOrEmpty(current.Metadata.SessionId))
        {
            return false;
        }

        var registered = sessions?.Find(current.Metadata.SessionId);
        if (registered is null)
        {
            // Unregistered is fine unless the branch has an open session of its own to resume.
            return head.Branch is null || SessionFactory.OpenSessionOf(sessions, head.Branch) is null;
        }

        return registered.IsOpen && registered.Branch == head.Branch;
    }
}
