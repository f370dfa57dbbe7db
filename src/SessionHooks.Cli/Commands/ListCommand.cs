using System.CommandLine;
using System.Text.Json.Nodes;
using SessionHooks.Context;
using SessionHooks.Workflows;
using SessionHooks.Records;

namespace SessionHooks.Cli.Commands;

internal static class ListCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only sessions with this status: active, handoff, completed or abandoned" };
        var json = new Option<bool>("--json") { Description = "Print JSON for programs" };
        var all = new Option<bool>("--all") { Description = "Include the sessions 'session archive' moved to .sessions/archive/" };
        var command = new Command("list", "List the sessions, newest first") { status, json, all };
        command.SetAction(result => CommandRunner.InRepository("list", context =>
        {
            SessionStatus? only = result.GetValue(status) is { } given ? Choices.Parse<SessionStatus>(given, "status") : null;
            var records = SessionRecords.Read(context);
            var current = records.Current?.Metadata.SessionId;
            var sessions = (result.GetValue(all) ? records.View.AllSessions() : records.Sessions.Sessions)
                .Where(s => only is null || s.Status == only)
                .OrderByDescending(s => s.Created)
                .ToList();
            if (result.GetValue(json))
            {
                JsonOutput.Write(new JsonArray([.. sessions.Select(ContextJson.Session)]));
                return ExitCodes.Ok;
            }

            SessionTable.Write(sessions, current);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
