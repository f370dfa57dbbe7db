using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Rules;

/// <summary>
/// One check pre-push makes of a pushed branch. A rule describes itself: its name in
/// <c>config.json</c>'s <c>rules</c>, its default level, the codes it reports; a new rule is one
/// type here, added to <see cref="PushRules.All"/>, and a line in <c>schemas/config.schema.json</c>
/// (a test keeps the two in step).
/// </summary>
internal abstract class PushRule
{
    /// <summary>Its name in <c>config.json</c>'s <c>rules</c>.</summary>
    public abstract string Name { get; }

    public virtual RuleLevel DefaultLevel => RuleLevel.Error;

    /// <summary>What the rule asks, in a line (config.schema.json says the same).</summary>
    public abstract string Description { get; }

    /// <summary>The diagnostics it reports.</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> Codes { get; }

    internal abstract IEnumerable<Diagnostic> Check(PushedBranch push);
}

/// <summary>Every rule pre-push runs, in the order their findings are listed.</summary>
internal static class PushRules
{
    public static IReadOnlyList<PushRule> All { get; } =
    [
        new SchemaRule(),
        new ConflictMarkersRule(),
        new CrossFileRule(),
        new CurrentSessionOutOfStepRule(),
        new UnloggedCommitsRule(),
        new ClosedSessionPushedRule(),
        new SessionOutdatedRule(),
        new UncommittedSessionChangesRule(),
    ];

    public static PushRule? Named(string name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>The level <paramref name="config"/> gives the rule, or its default.</summary>
    public static RuleLevel LevelOf(this SessionConfig config, PushRule rule)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rule);

        // "rules": null reads as null; the schema reports it, the hooks still need a level.
        return config.Rules is not null && config.Rules.TryGetValue(rule.Name, out var level) ? level : rule.DefaultLevel;
    }
}
