// Grows a repository's session files to a given history: adds completed sessions on other
// branches and note entries until there are <sessions> sessions and <entries> entries.
// Usage: session-generator <worktree> <sessions> <entries>
using SessionHooks.Records;
using SessionHooks.Ids;

var folder = Path.Combine(args[0], ".sessions");
var sessionCount = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var entryCount = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);

var sessionsPath = Path.Combine(folder, "ai_sessions.json");
var worklogPath = Path.Combine(folder, "worklog.json");
var sessions = SessionJson.ReadAiSessions(File.ReadAllText(sessionsPath));
var worklog = SessionJson.ReadWorklog(File.ReadAllText(worklogPath));

// History lies in the past, so the live session stays the newest.
var start = DateTimeOffset.UtcNow.AddDays(-400);
var added = new List<Session>();
for (var i = sessions.Sessions.Count; i < sessionCount; i++)
{
    var created = start.AddMinutes(i * 10);
    var session = new Session
    {
        Id = SessionId.New(created),
        Branch = $"feature/topic-{i}",
        Title = $"Work on topic {i}",
        Status = SessionStatus.Completed,
        Created = created,
        LastUpdated = created.AddMinutes(5),
        Author = "Bench <bench@example.com>",
        Summary = $"Finished topic {i}.",
    };
    added.Add(session);
}

sessions.Sessions.InsertRange(0, added);
var owners = sessions.Sessions.Select(s => s.Id).ToArray();
var old = new List<WorklogEntry>();
for (var i = worklog.Entries.Count; i < entryCount; i++)
{
    var time = start.AddSeconds(i * 30);
    old.Add(new WorklogEntry
    {
        Id = EntryId.New(time),
        Session = owners[i % owners.Length],
        Time = time,
        Kind = WorklogKind.Note,
        Text = $"Note {i}: looked into the build and wrote down what was found.",
        Author = "Bench <bench@example.com>",
    });
}

worklog.Entries.InsertRange(0, old);
File.WriteAllText(sessionsPath, SessionJson.Serialize(sessions));
File.WriteAllText(worklogPath, SessionJson.Serialize(worklog));
