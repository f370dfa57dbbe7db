using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Store;
using SessionHooks.Workflows;

namespace SessionHooks.Hooks;

/// <summary>
/// prepare-commit-msg and commit-msg: every commit carries a <c>Session-Id</c> trailer naming its
/// session, which is its worklog entry (docs/records.md). prepare-commit-msg runs once git has
/// built the commit's tree, for every commit git makes (a rebase's, a cherry-pick's and a
/// revert's too), so it also puts back what pre-commit staged. A message still to be typed in the
/// editor gets its trailer from commit-msg, once it is written: adding one earlier would make an
/// empty message look written, and git would not abort the commit.
/// </summary>
internal static class CommitMessage
{
    /// <param name="source">git's second argument: <c>message</c>, <c>template</c>, <c>merge</c>, <c>squash</c>, <c>commit</c>, or none.</param>
    /// <param name="commit">For <c>commit</c> (<c>-c</c>, <c>-C</c>, <c>--amend</c>): the commit whose message is reused.</param>
    public static HookOutcome Prepare(SessionContext context, string messageFile, string? source, string? commit)
    {
        ArgumentNullException.ThrowIfNull(context);
        CommitRecorder.Restore(context);
        if (source is null or "" or "template")
        {
            return HookOutcome.Skipped("the message is still to be written; commit-msg adds the trailer");
        }

        var git = context.Git;
        var rebasing = git.Operation == InProgressOperation.Rebase;

        // An amend (and -C HEAD) keeps the commit in its session; a rebase replays commits as they were.
        var keep = rebasing || (source == "commit" && commit is not null && commit == git.Head.CommitId);
        return AddTrailer(context, messageFile, replace: !keep);
    }

    /// <summary>commit-msg: the message is written; add the trailer if it has none and git would commit it.</summary>
    public static HookOutcome Verify(SessionContext context, string messageFile)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AddTrailer(context, messageFile, replace: false);
    }

    private static HookOutcome AddTrailer(SessionContext context, string messageFile, bool replace)
    {
        var git = context.Git;
        var text = File.ReadAllText(messageFile);
        // git's comment character is asked only when a line might be a comment: most messages have none.
        var comment = text.Split('\n').Any(l => l.Length > 0 && !char.IsLetterOrDigit(l[0]) && !char.IsWhiteSpace(l[0])) ? git.CommentChar() : '#';
        if (!CommitTrailer.HasText(text, comment))
        {
            // An empty message: git aborts the commit, as it should.
            return HookOutcome.Skipped("empty message");
        }

        var existing = CommitTrailer.SessionOf(text, comment);
        if (existing is not null && !replace)
        {
            return HookOutcome.Done($"the message names session {existing}");
        }

        var session = SessionOfCommit(context);
        if (session is null || session == existing)
        {
            return HookOutcome.Done(session is null ? "no session" : $"the message names session {session}");
        }

        git.SetTrailer(messageFile, CommitTrailer.Key, session);
        context.Log.Information("commit message names session {Session}", session);
        return HookOutcome.Done($"session {session}");
    }

    /// <summary>
    /// The session the commit belongs to: the one <c>current_session.json</c> names while a rebase
    /// replays the branch (HEAD is detached then), else the checked-out branch's, resolved as a
    /// checkout would.
    /// </summary>
    private static string? SessionOfCommit(SessionContext context)
    {
        var current = context.Store.ReadCurrentSession().Value;
        var head = context.Git.Head;
        if (current is not null && (context.Git.Operation == InProgressOperation.Rebase || CurrentSessionCache.IsFresh(context.Store, current, head)))
        {
            return current.Metadata.SessionId;
        }

        using var held = context.Store.LockAll();
        var view = RecordView.Read(context.Store);
        var session = SessionResolver.Resolve(context, view, head, current);
        view.Save();
        context.Store.WriteCurrentSession(CurrentSessionCache.Build(view, session, head, current, context.Now));
        return session.Id;
    }
}
