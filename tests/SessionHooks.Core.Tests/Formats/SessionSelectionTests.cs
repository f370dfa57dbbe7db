using System.Text;
using SessionHooks.Records;

namespace SessionHooks.Tests.Formats;

public class SessionSelectionTests
{
    private static AiSessions Registry(int count) => new()
    {
        Schema = SessionFileKind.AiSessions.SchemaReference(),
        KnowledgeCache = ["docs/records.md"],
        ContextNotes = ["a note"],
        Sessions = [.. Enumerable.Range(0, count).Select(i => new Session
        {
            Id = $"20261121-s{i:0000}",
            Branch = i % 3 == 0 ? "main" : $"feature/{i}",
            Title = $"Session {i} with \"quotes\", ünïcode and a \\ backslash",
            Status = i % 2 == 0 ? SessionStatus.Completed : SessionStatus.Active,
            Created = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
            LastUpdated = new DateTimeOffset(2026, 11, 21, 11, 0, i % 60, TimeSpan.Zero),
            Issues = [$"#{i}"],
        })],
    };

    [Test]
    public void ReadSessionsOf_IsTheWholeRead_WithOnlyTheSessionsPicked()
    {
        var written = SessionJson.Serialize(Registry(300));
        var bytes = Encoding.UTF8.GetBytes(written);

        var selection = SessionFileParser.ReadSessionsOf(bytes, (id, branch) => branch == "main" || id == "20261121-s0007");
        var whole = SessionFileParser.ParseAiSessions(bytes, ".sessions/ai_sessions.json").Value!;
        whole.Sessions.RemoveAll(s => s.Branch != "main" && s.Id != "20261121-s0007");

        Assert.That(selection, Is.Not.Null);
        Assert.That(SessionJson.Serialize(selection!), Is.EqualTo(SessionJson.Serialize(whole)));
        Assert.That(selection!.Sessions, Has.Count.EqualTo(101));
    }

    [TestCase("\uFEFF{ \"schema_version\": 2, \"sessions\": [] }", TestName = "ReadSessionsOf_AFileWithAByteOrderMark_IsLeftToTheWholeRead")]
    [TestCase("{ \"schema_version\": 1, \"sessions\": [] }", TestName = "ReadSessionsOf_AnOlderFormat_IsLeftToTheWholeRead")]
    [TestCase("{ \"schema_version\": 2, \"sessions\": [ { \"id\": \"x\", \"branch\": \"main\" } ", TestName = "ReadSessionsOf_ATruncatedFile_IsLeftToTheWholeRead")]
    [TestCase("{ \"schema_version\": 2, \"sessions\": [ { \"id\": \"x\", \"branch\": \"main\", \"created\": 5 } ] }", TestName = "ReadSessionsOf_APickedSessionOfTheWrongShape_IsLeftToTheWholeRead")]
    [TestCase("<<<<<<< HEAD\n{ \"schema_version\": 2 }\n=======\n{}\n>>>>>>> x\n", TestName = "ReadSessionsOf_ConflictMarkers_AreLeftToTheWholeRead")]
    public void ReadSessionsOf_WhatTheWholeReadMustReport_GivesNull(string json)
    {
        Assert.That(SessionFileParser.ReadSessionsOf(Encoding.UTF8.GetBytes(json), (_, _) => true), Is.Null);
    }

    [Test]
    public void ReadSessionsOf_SessionsNotPicked_AreNotBuilt_EvenWhenTheirFieldsAreOfAnotherShape()
    {
        const string json = """{ "schema_version": 2, "sessions": [ { "id": "a", "branch": "main", "title": "t", "created": "2026-11-21T10:00:00Z", "last_updated": "2026-11-21T10:00:00Z" }, { "id": "b", "branch": "other", "future": { "deep": [1, 2, { "x": null }] } } ], "knowledge_cache": ["k"], "context_notes": [] }""";

        var selection = SessionFileParser.ReadSessionsOf(Encoding.UTF8.GetBytes(json), (_, branch) => branch == "main");

        Assert.That(selection!.Sessions.Select(s => s.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(selection.KnowledgeCache, Is.EqualTo(new[] { "k" }));
    }
}
