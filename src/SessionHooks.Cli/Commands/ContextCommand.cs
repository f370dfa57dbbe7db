using System.CommandLine;
using SessionHooks.Context;

namespace SessionHooks.Cli.Commands;

internal static class ContextCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "markdown or json", DefaultValueFactory = _ => "markdown" };
        var json = new Option<bool>("--json") { Description = "The same as --format json" };
        var includeFiles = new Option<bool>("--include-files") { Description = "Include the knowledge cache's file contents (never from outside the repository; binaries skipped)" };
        var maxBytes = new Option<long?>("--max-bytes") { Description = "The most bytes to print: the least important parts are left out first, and named (at least 512; file contents alone stop at 64 KiB when not given)" };
        var since = new Option<string?>("--since") { Description = "Only what happened since a session (its id) or a commit: commits, sessions, tasks, decisions and notes" };
        var command = new Command("context", "Print what an assistant should load at the start of its work, most important first") { format, json, includeFiles, maxBytes, since };
        command.SetAction(result => CommandRunner.InRepository("context", context =>
        {
            var asJson = result.GetValue(json) || Choices.Parse<OutputFormat>(result.GetValue(format), "format") == OutputFormat.Json;
            var limit = result.GetValue(maxBytes);
            if (limit is < ContextBudget.Minimum or > KnowledgeFiles.MaxBytesLimit)
            {
                throw new Diagnostics.SessionHooksException(Diagnostics.DiagnosticCatalog.InvalidArgument.ForFile("--max-bytes",
                    limit < ContextBudget.Minimum ? $"the limit is less than the {ContextBudget.Minimum} bytes the focus needs" : $"the limit is more than the {KnowledgeFiles.MaxBytesLimit} bytes (64 MiB) SessionHooks holds in memory at once",
                    $"give a number of bytes from {ContextBudget.Minimum} to {KnowledgeFiles.MaxBytesLimit}"));
            }

            var gathered = ContextBuilder.Build(context, new ContextOptions(result.GetValue(includeFiles), limit, result.GetValue(since)));
            Func<AssistantContext, string> render = asJson ? c => JsonOutput.Text(ContextJson.Render(c)) : ContextMarkdown.Render;
            if (limit is { } bytes)
            {
                gathered = ContextBudget.Fit(gathered, bytes, render);
            }

            Console.Write(render(gathered));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private enum OutputFormat
    {
        Markdown,
        Json,
    }
}
