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
        var maxBytes = new Option<long>("--max-bytes") { Description = "The most bytes of file contents to include, in total (at most 64 MiB)", DefaultValueFactory = _ => 64 * 1024 };
        var command = new Command("context", "Print what an assistant should load at the start of its work") { format, json, includeFiles, maxBytes };
        command.SetAction(result => CommandRunner.InRepository("context", context =>
        {
            var asJson = result.GetValue(json) || Choices.Parse<OutputFormat>(result.GetValue(format), "format") == OutputFormat.Json;
            if (result.GetValue(maxBytes) is < 0 or > KnowledgeFiles.MaxBytesLimit)
            {
                throw new Diagnostics.SessionHooksException(Diagnostics.DiagnosticCatalog.InvalidArgument.ForFile("--max-bytes",
                    result.GetValue(maxBytes) < 0 ? "the limit is negative" : $"the limit is more than the {KnowledgeFiles.MaxBytesLimit} bytes (64 MiB) of file contents SessionHooks holds in memory at once",
                    $"give a number of bytes from 0 to {KnowledgeFiles.MaxBytesLimit}"));
            }

            var gathered = ContextBuilder.Build(context, result.GetValue(includeFiles), result.GetValue(maxBytes));
            if (asJson)
            {
                JsonOutput.Write(ContextJson.Render(gathered));
            }
            else
            {
                Console.Write(ContextMarkdown.Render(gathered));
            }

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
