using System.CommandLine;
using SessionHooks.Diagnostics;
using SessionHooks.Validation;

namespace SessionHooks.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the diagnostics as JSON" };
        var command = new Command("validate", "Check the session files against their schemas and cross-file rules") { json };
        command.SetAction(result => CommandRunner.InRepository("validate", context =>
        {
            var diagnostics = RepositoryValidator.Validate(context.WorktreeRoot).Concat(Workflows.BranchValidation.Check(context)).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(diagnostics.Select(d => new
                {
                    code = d.Code,
                    severity = d.Severity == Severity.Error ? "error" : "warning",
                    file = d.File,
                    line = d.Line,
                    column = d.Column,
                    message = d.Message,
                    hint = d.Hint,
                })));
            }
            else
            {
                foreach (var diagnostic in diagnostics)
                {
                    Console.WriteLine(diagnostic.Render());
                }

                if (diagnostics.Count == 0)
                {
                    Console.WriteLine("The session files are valid.");
                }
            }

            return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.ChecksFailed : ExitCodes.Ok;
        }));
        return command;
    }
}
