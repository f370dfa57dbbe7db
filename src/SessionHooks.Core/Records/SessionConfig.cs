using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary><c>config.json</c>: optional; every rule has a default when the file or a field is missing.</summary>
internal sealed class SessionConfig : SessionFile
{
    /// <summary>Rule name (see <c>Rules.PushRules.All</c>) to what it does when broken.</summary>
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
}

[JsonConverter(typeof(SnakeCaseEnumConverter<RuleLevel>))]
internal enum RuleLevel
{
    Off,
    Warning,
    Error,
}
