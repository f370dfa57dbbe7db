// Grows a repository's records to a given history, in format 2 (docs/records.md): completed
// sessions on other branches in ai_sessions.json, and their entries in worklog files of
// <per-file> entries each, as commits would have recorded them.
// Usage: session-generator <worktree> <sessions> <entries> [<per-file>]
using SessionHooks.Ids;
using SessionHooks.Records;

var root = args[0];
var sessionCount = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var entryCount = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var perFile = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10;

var registryPath = Path.Combine(root, RecordPaths.Registry);
var sessions = SessionJson.ReadAiSessions(File.ReadAllText(registryPath));

// History lies in the past, so the live session stays the newest.
var start = DateTimeOffset.UtcNow.AddDays(-400);
var added = new List<Session>();
for (var i = sessions.Sessions.Count; i < sessionCount; i++)
{
    var created = start.AddMinutes(i * 10);
    added.Add(new Session
    {
        Id = SessionId.New(created),
        Branch = $"feature/topic-{i}",
        Title = $"Work on topic {i}",
        Status = SessionStatus.Completed,
        Created = created,
        LastUpdated = created.AddMinutes(5),
        Author = "Bench <bench@example.com>",
        Summary = $"Finished topic {i}.",
    });
}

sessions.Sessions.InsertRange(0, added);
File.WriteAllText(registryPath, SessionJson.Serialize(sessions));

var owners = added.Count > 0 ? added : sessions.Sessions;
var perSession = entryCount / owners.Count;
var written = 0;
foreach (var owner in owners)
{
    for (var first = 0; first < perSession && written < entryCount; first += perFile)
    {
        var entries = new List<WorklogEntry>();
        for (var i = first; i < Math.Min(first + perFile, perSession) && written < entryCount; i++, written++)
        {
            var time = owner.Created.AddSeconds(i * 3);
            entries.Add(new WorklogEntry
            {
                Id = EntryId.New(time),
                Session = owner.Id,
                Time = time,
                Kind = WorklogKind.Note,
                Text = $"Note {i}: looked into the build and wrote down what was found.",
                Author = "Bench <bench@example.com>",
            });
        }

        var path = Path.Combine(root, RecordPaths.Chunk(owner.Id, entries[0].Id));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, SessionJson.Serialize(new Worklog
        {
            Schema = RecordPaths.SchemaReference(SessionFileKind.Worklog, RecordPaths.Chunk(owner.Id, entries[0].Id)),
            Entries = entries,
        }));
    }
}

Console.WriteLine($"{sessions.Sessions.Count} sessions, {written} entries in worklog files of up to {perFile}");
