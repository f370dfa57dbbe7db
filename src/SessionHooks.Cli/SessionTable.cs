using SessionHooks.Workflows;
using SessionHooks.Records;
using Spectre.Console;

namespace SessionHooks.Cli;

/// <summary>Sessions as a table for people: Spectre.Console in a terminal, plain columns when redirected or NO_COLOR is set.</summary>
internal static class SessionTable
{
    public static void Write(IReadOnlyList<Session> sessions, string? currentId)
    {
        if (sessions.Count == 0)
        {
            Console.WriteLine("No sessions.");
            return;
        }

        if (Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
        {
            foreach (var s in sessions)
            {
                Console.WriteLine($"{(s.Id == currentId ? "*" : " ")} {s.Id}  {Names.Of(s.Status),-9}  {s.Branch ?? "(detached)"}  {s.Title}");
            }

            return;
        }

        var table = new Table().AddColumns("", "id", "status", "branch", "title");
        foreach (var s in sessions)
        {
            table.AddRow(s.Id == currentId ? "[green]*[/]" : "", Markup.Escape(s.Id), Markup.Escape(Names.Of(s.Status)),
                Markup.Escape(s.Branch ?? "(detached)"), Markup.Escape(s.Title));
        }

        AnsiConsole.Write(table);
    }
}
