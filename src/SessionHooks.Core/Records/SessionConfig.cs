using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary><c>config.json</c>: optional; every rule has a default when the file or a field is missing.</summary>
public sealed class SessionConfig : SessionFile
{
    /// <summary>Rule name (see <see cref="RuleNames"/>) to what it does when broken.</summary>
    [JsonPropertyName("rules")]
    public Dictionary<string, RuleLevel> Rules { get; set; } = [];

    /// <summary>How far a session's last_updated may trail the newest pushed commit.</summary>
    [JsonPropertyName("stale_after_hours")]
    public double StaleAfterHours { get; set; } = 24;

    /// <summary>Extra secret patterns (.NET regular expressions), on top of the built-in ones.</summary>
    [JsonPropertyName("secret_patterns")]
    public List<string> SecretPatterns { get; set; } = [];

    /// <summary>Paths every new session starts with in its knowledge cache.</summary>
    [JsonPropertyName("default_knowledge_cache")]
    public List<string> DefaultKnowledgeCache { get; set; } = [];

    public RuleLevel LevelOf(string rule) =>
        // "rules": null deserializes to null; the schema reports it, the hooks still need a level.
        Rules is not null && Rules.TryGetValue(rule, out var level) ? level : RuleNames.DefaultLevel(rule);
}

[JsonConverter(typeof(SnakeCaseEnumConverter<RuleLevel>))]
public enum RuleLevel
{
    Off,
    Warning,
    Error,
}

/// <summary>The checks that <c>config.json</c> can switch between error, warning and off.</summary>
public static class RuleNames
{
    public const string Schema = "schema";
    public const string ConflictMarkers = "conflict_markers";
    public const string CrossFile = "cross_file";
    public const string CurrentSessionOutOfStep = "current_session_out_of_step";
    public const string UnloggedCommits = "unlogged_commits";
    public const string ClosedSessionPushed = "closed_session_pushed";
    public const string SessionOutdated = "session_outdated";
    public const string UncommittedSessionChanges = "uncommitted_session_changes";

    public static IReadOnlyList<string> All { get; } =
    [
        Schema, ConflictMarkers, CrossFile, CurrentSessionOutOfStep, UnloggedCommits,
        ClosedSessionPushed, SessionOutdated, UncommittedSessionChanges,
    ];

    public static RuleLevel DefaultLevel(string rule) => rule switch
    {
        SessionOutdated => RuleLevel.Warning,
        _ => RuleLevel.Error,
    };
}
