using SessionHooks.Workflows;
using SessionHooks.Records;
using Spectre.Console;
using SessionHooks.Safety;

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
                Console.WriteLine($"{(s.Id == currentId ? "*" : " ")} {SafeText.Terminal(s.Id)}  {Names.Of(s.Status),-9}  {SafeText.Terminal(s.Branch ?? "(detached)")}  {SafeText.Terminal(s.Title)}");
            }

            return;
        }

        var table = new Table().AddColumns("", "id", "status", "branch", "title");
        foreach (var s in sessions)
        {
            table.AddRow(s.Id == currentId ? "[green]*[/]" : "", Shown(s.Id), Shown(Names.Of(s.Status)),
                Shown(s.Branch ?? "(detached)"), Shown(s.Title));
        }

        AnsiConsole.Write(table);
    }

    // Spectre's markup escaped, and the control characters Spectre passes through made visible.
    private static string Shown(string text) => Markup.Escape(SafeText.Terminal(text));
}
