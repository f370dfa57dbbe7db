using System.CommandLine;
using SessionHooks.Context;
using SessionHooks.Workflows;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The session's id (see 'session list')" };
        var json = new Option<bool>("--json") { Description = "Print JSON for programs" };
        var command = new Command("show", "Show one session: its record, notes, knowledge cache and backlog") { id, json };
        command.SetAction(result => CommandRunner.InRepository("show", context =>
        {
            var session = SessionRecords.Read(context).Find(result.GetValue(id));
            if (result.GetValue(json))
            {
                var node = ContextJson.Session(session).AsObject();
                node["issues"] = ContextJson.Strings(session.Issues);
                node["related_sessions"] = ContextJson.Strings(session.RelatedSessions);
                node["context_notes"] = ContextJson.Strings(session.ContextNotes);
                node["knowledge_cache"] = ContextJson.Strings(session.KnowledgeCache);
                node["backlog"] = ContextJson.Strings(session.Backlog.Where(b => !b.Done).Select(b => $"[{Names.Of(b.Priority)}] {Names.Of(b.Kind)}: {b.Text}"));
                JsonOutput.Write(node);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"Session:  {SafeText.Terminal(session.Id)}");
            Console.WriteLine($"Title:    {SafeText.Terminal(session.Title)}");
            Console.WriteLine($"Branch:   {SafeText.Terminal(session.Branch ?? "(detached HEAD)")}");
            Console.WriteLine($"Status:   {Names.Of(session.Status)} ({Names.Of(session.Type)})");
            Console.WriteLine($"Created:  {session.Created:u}");
            Console.WriteLine($"Updated:  {session.LastUpdated:u}");
            Console.WriteLine($"Author:   {SafeText.Terminal(session.Author ?? "(unknown)")}");
            Console.WriteLine($"Issues:   {SafeText.Terminal(string.Join(", ", session.Issues))}");
            Console.WriteLine($"Summary:  {SafeText.Terminal(session.Summary ?? "(none yet)")}");
            Lines("Context notes", session.ContextNotes);
            Lines("Knowledge cache", session.KnowledgeCache);
            Lines("Backlog", [.. session.Backlog.Where(b => !b.Done).Select(b => $"[{Names.Of(b.Priority)}] {Names.Of(b.Kind)}: {b.Text}")]);
            Lines("Related sessions", session.RelatedSessions);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Lines(string heading, List<string> items)
    {
        if (items.Count > 0)
        {
            Console.WriteLine($"{heading}:");
            foreach (var item in items)
            {
                Console.WriteLine($"  - {SafeText.Terminal(item)}");
            }
        }
    }
}
