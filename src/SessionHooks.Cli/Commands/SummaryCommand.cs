using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SessionHooks.Context;
using SessionHooks.Workflows;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class SummaryCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "The session's id; the branch's current session when left out", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON for programs" };
        var command = new Command("summary", "A session in figures from git: commits, files, lines added and removed, duration, entries by kind") { id, json };
        command.SetAction(result => CommandRunner.InRepository("summary", context =>
        {
            var records = SessionRecords.Read(context);
            var session = records.Find(result.GetValue(id));
            var summary = SessionSummary.Of(context.Git, session, records.EntriesOf(session.Id), context.Now);
            if (result.GetValue(json))
            {
                var node = ContextJson.Session(session).AsObject();
                node["commits"] = ContextJson.Strings(summary.Commits.Select(c => c.Id));
                node["files_changed"] = summary.FilesChanged;
                node["lines_added"] = summary.LinesAdded;
                node["lines_removed"] = summary.LinesRemoved;
                node["duration_seconds"] = (long)summary.Duration.TotalSeconds;
                node["entries_by_kind"] = new JsonObject([.. summary.EntriesByKind.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))]);
                node["tasks"] = new JsonObject
                {
                    ["planned"] = summary.Tasks.Planned,
                    ["completed"] = summary.Tasks.Completed,
                    ["blocked"] = summary.Tasks.Blocked,
                    ["dropped"] = summary.Tasks.Dropped,
                    ["estimate_minutes"] = summary.Tasks.EstimatedMinutes,
                    ["actual_minutes"] = summary.Tasks.ActualMinutes,
                    ["planned_estimate_minutes"] = summary.Tasks.PlannedEstimateMinutes,
                };
                node["replaced_commits"] = new JsonArray([.. summary.Replaced.Select(e => (JsonNode)new JsonObject
                {
                    ["commit"] = e.Commit,
                    ["replaced_by"] = e.ReplacedBy,
                    ["text"] = e.Text,
                })]);
                JsonOutput.Write(node);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"Session:  {SafeText.Terminal(session.Id)} — {SafeText.Terminal(session.Title)} ({Names.Of(session.Status)})");
            Console.WriteLine($"Branch:   {SafeText.Terminal(session.Branch ?? "(detached HEAD)")}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Duration: {(int)summary.Duration.TotalHours}h {summary.Duration.Minutes:00}m"));
            var replaced = summary.Replaced.Count switch
            {
                0 => "",
                1 => " (1 earlier version replaced by a rewrite)",
                var n => $" ({n} earlier versions replaced by rewrites)",
            };
            Console.WriteLine($"Commits:  {summary.Commits.Count}{replaced}");
            Console.WriteLine($"Files:    {summary.FilesChanged}");
            Console.WriteLine($"Lines:    +{summary.LinesAdded} -{summary.LinesRemoved}");
            Console.WriteLine($"Tasks:    {summary.Tasks.Describe()}");
            Console.WriteLine($"Entries:  {(summary.EntriesByKind.Count == 0 ? "none" : string.Join(", ", summary.EntriesByKind.Select(k => $"{k.Key} {k.Value}")))}");
            if (session.Summary is { } text)
            {
                Console.WriteLine($"Summary:  {SafeText.Terminal(text)}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
