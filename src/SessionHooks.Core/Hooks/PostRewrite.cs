using SessionHooks.Git;
using SessionHooks.Workflows;

namespace SessionHooks.Hooks;

/// <summary>
/// post-rewrite <c>amend|rebase</c>, with <c>&lt;old&gt; &lt;new&gt;</c> lines on standard input: each
/// replaced commit is recorded and linked to its successor (docs/records.md). An amend made while a
/// rebase runs (a fixup folded into its commit) is left to the rebase's own list, which maps every
/// original commit to the commit that holds its work at the end.
/// </summary>
internal static class PostRewrite
{
    public static HookOutcome Run(SessionContext context, string kind, string standardInput)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (kind == "amend" && context.Git.Operation == InProgressOperation.Rebase)
        {
            return HookOutcome.Skipped("amend during a rebase");
        }

        var rewrites = Parse(standardInput);
        var recorded = CommitHistory.RecordReplaced(context, rewrites);
        context.Log.Information("post-rewrite {Kind}: {Count} replaced commit(s) recorded", kind, recorded);
        return HookOutcome.Done($"{recorded} replaced commit(s) recorded");
    }

    /// <summary>git's lines: the old id, the new id, and maybe more fields after them.</summary>
    public static IReadOnlyList<(string Old, string New)> Parse(string standardInput)
    {
        var rewrites = new List<(string, string)>();
        foreach (var line in (standardInput ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && ObjectIds.IsObjectId(fields[0]) && ObjectIds.IsObjectId(fields[1]))
            {
                rewrites.Add((fields[0], fields[1]));
            }
        }

        return rewrites;
    }
}
