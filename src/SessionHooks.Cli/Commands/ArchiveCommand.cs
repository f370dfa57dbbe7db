using System.CommandLine;
using System.Globalization;
using SessionHooks.Diagnostics;
using SessionHooks.Safety;
using SessionHooks.Workflows;

namespace SessionHooks.Cli.Commands;

internal static class ArchiveCommand
{
    public static Command Create()
    {
        var before = new Option<string?>("--before") { Description = "Only sessions last updated before this date (yyyy-MM-dd, UTC)" };
        var command = new Command("archive", "Move completed and abandoned sessions and their worklogs to .sessions/archive/, staged for the next commit") { before };
        command.SetAction(result => CommandRunner.InRepository("archive", context =>
        {
            var report = SessionArchive.Run(context, ParseDate(result.GetValue(before)));
            foreach (var id in report.Folded)
            {
                Console.WriteLine($"Folded {SafeText.Terminal(id)}: it was listed in ai_sessions.json and in the archive; one copy now holds both");
            }

            foreach (var (id, reason) in report.Kept)
            {
                Console.WriteLine($"Kept {SafeText.Terminal(id)}: {reason}");
            }

            Console.WriteLine(report.Archived.Count == 0
                ? report.Folded.Count == 0 ? "Nothing to archive" : "Nothing more to archive; the fold is staged for your next commit"
                : $"Archived {report.Archived.Count} session(s) to .sessions/archive/; staged for your next commit");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static DateTimeOffset? ParseDate(string? given) =>
        given is null ? null
        : DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date
        : throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("--before", $"'{given}' is not a date", "write it as yyyy-MM-dd, e.g. --before 2026-01-31"));
}
