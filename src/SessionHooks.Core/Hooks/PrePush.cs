using SessionHooks.Rules;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Hooks;

/// <summary>
/// pre-push: refuses a push whose session files are invalid or stale (SPEC §2), listing every
/// problem with the command that fixes it. Each rule's level comes from config.json.
/// </summary>
public static class PrePush
{
    public static HookOutcome Run(SessionContext context, string remoteName, IReadOnlyList<PushUpdate> updates)
    {
        var problems = new List<Diagnostic>();
        foreach (var update in updates.Where(u => !u.IsDelete))
        {
            problems.AddRange(Check(context, remoteName, update));
        }

        var config = context.Config;
        var leveled = problems
            .Select(d => Level(config, d))
            .OfType<Diagnostic>()
            .Distinct()
            .ToList();
        context.Log.Information("pre-push to {Remote}: {Updates} ref(s), {Problems} problem(s)", remoteName, updates.Count, leveled.Count);
        return leveled.Any(d => d.Severity == Severity.Error)
            ? HookOutcome.Refuse($"push refused: the session files are invalid or stale (fix, or 'git push --no-verify' to bypass)", leveled)
            : new HookOutcome(false, "", leveled);
    }

    private static IEnumerable<Diagnostic> Check(SessionContext context, string remoteName, PushUpdate update)
    {
        var git = context.Git;
        var tip = update.LocalOid;
        var files = PushedFiles.Read(git, tip);
        foreach (var diagnostic in files.Diagnostics)
        {
            yield return diagnostic;
        }

        var head = git.Head;
        if (update.BranchPushed(head) is not { } branch)
        {
            // Tags and detached commits carry no session of their own; their files are checked for validity only.
            yield break;
        }

        var commits = git.CommitsToPush(tip, remoteName, update.IsNewRef ? null : update.RemoteOid);
        var isCheckedOut = head.Branch == branch;

        if (isCheckedOut)
        {
            foreach (var diagnostic in CurrentSessionRules.Check(context, files, branch))
            {
                yield return diagnostic;
            }
        }

        // A worklog that cannot be read is reported above; which commits it logs cannot be told.
        var unlogged = files.WorklogIsBroken ? [] : WorklogRules.UnloggedCommits(git, files.Worklog, commits);
        foreach (var diagnostic in unlogged)
        {
            yield return diagnostic;
        }

        foreach (var diagnostic in StalenessRules.Check(context.Config, files, branch, commits))
        {
            yield return diagnostic;
        }

        if (isCheckedOut && head.CommitId == tip)
        {
            var changed = git.PathsChangedSinceHead([SessionFileKind.AiSessions.RepoPath(), SessionFileKind.Worklog.RepoPath()]);
            foreach (var path in changed)
            {
                yield return DiagnosticCatalog.UncommittedSessionChanges.ForFile(path, $"{path} has changes that are not in the pushed commits");
            }
        }
    }

    private static Diagnostic? Level(SessionConfig config, Diagnostic diagnostic)
    {
        var rule = RuleOf(diagnostic.Code);
        return config.LevelOf(rule) switch
        {
            RuleLevel.Off => null,
            RuleLevel.Warning => diagnostic.WithSeverity(Severity.Warning),
            _ => diagnostic.WithSeverity(Severity.Error),
        };
    }

    private static string RuleOf(string code) => code switch
    {
        "SH1003" => RuleNames.ConflictMarkers,
        "SH4001" or "SH3004" => RuleNames.CurrentSessionOutOfStep,
        "SH4002" => RuleNames.UnloggedCommits,
        "SH4003" => RuleNames.ClosedSessionPushed,
        "SH4004" => RuleNames.SessionOutdated,
        "SH4005" => RuleNames.UncommittedSessionChanges,
        _ when code.StartsWith("SH3", StringComparison.Ordinal) => RuleNames.CrossFile,
        _ => RuleNames.Schema,
    };
}
