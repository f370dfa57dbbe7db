using SessionHooks.Records;

namespace SessionHooks.Tests.Formats;

public class SessionJsonTests
{
    [Test]
    public void Serialize_WritesIndentedStableOrderWithTrailingNewline()
    {
        var sessions = new AiSessions
        {
            Schema = SessionFileKind.AiSessions.SchemaReference(),
            Sessions =
            [
                new Session
                {
                    Id = "20261121-k3f9q",
                    Branch = "feature/ünïcode",
                    Title = "Parser",
                    Created = new DateTimeOffset(2026, 11, 21, 19, 52, 3, TimeSpan.FromHours(2)),
                    LastUpdated = new DateTimeOffset(2026, 11, 21, 18, 0, 0, TimeSpan.Zero),
                },
            ],
        };

        var json = SessionJson.Serialize(sessions);

        Assert.That(json, Does.StartWith("{\n  \"$schema\": \"schemas/ai_sessions.schema.json\",\n  \"schema_version\": 2,\n"));
        Assert.That(json, Does.EndWith("}\n"));
        Assert.That(json, Does.Not.Contain("\r"));
        Assert.That(json, Does.Contain("\"branch\": \"feature/ünïcode\""));
        Assert.That(json, Does.Contain("\"created\": \"2026-11-21T17:52:03Z\""));
        Assert.That(json, Does.Contain("\"status\": \"active\""));
        Assert.That(json.IndexOf("\"id\"", StringComparison.Ordinal), Is.LessThan(json.IndexOf("\"branch\"", StringComparison.Ordinal)));
    }

    [Test]
    public void RoundTrip_KeepsFieldsThisVersionDoesNotKnow()
    {
        const string json = """
            {
              "schema_version": 2,
              "sessions": [
                { "id": "20261121-k3f9q", "branch": "main", "title": "t", "type": "user", "status": "handoff",
                  "created": "2026-11-21T10:00:00Z", "last_updated": "2026-11-21T11:00:00Z", "team": "blue" }
              ],
              "owner": { "name": "x" }
            }
            """;

        var written = SessionJson.Serialize(SessionJson.ReadAiSessions(json));

        Assert.That(written, Does.Contain("\"team\": \"blue\""));
        Assert.That(written, Does.Contain("\"owner\": {"));
        Assert.That(written, Does.Contain("\"status\": \"handoff\""));
        Assert.That(SessionJson.Serialize(SessionJson.ReadAiSessions(written)), Is.EqualTo(written));
    }
}
