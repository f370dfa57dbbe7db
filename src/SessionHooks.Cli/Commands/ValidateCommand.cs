using System.CommandLine;
using SessionHooks.Diagnostics;
using SessionHooks.Validation;

namespace SessionHooks.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the diagnostics as JSON" };
        var relative = new Option<bool>("--relative-paths")
        {
            Description = "Name files relative to the current directory (default: absolute paths, as VS Code's $msCompile problem matcher needs)",
        };
        var command = new Command("validate", "Check the session files against their schemas and cross-file rules") { json, relative };
        command.SetAction(result => CommandRunner.InRepository("validate", context =>
        {
            // A session started on checkout waits in the pending area for the branch's first commit: it is known.
            var pending = context.Store.Pending.ReadAll().Select(p => p.SessionId).ToHashSet(StringComparer.Ordinal);
            var options = new RepositoryValidationOptions { AbsolutePaths = true, CrossFile = new CrossFileRuleOptions { PendingSessions = pending } };
            var diagnostics = RepositoryValidator.Validate(context.WorktreeRoot, options)
                .Concat(Workflows.BranchValidation.Check(context))
                .Select(d => d with { File = Display(d.File, context.WorktreeRoot, result.GetValue(relative)) })
                .ToList();
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
                    // A problem of the whole file points at its start: a problem matcher wants a line to open.
                    Console.WriteLine((diagnostic.Line > 0 ? diagnostic : diagnostic with { Line = 1, Column = 1 }).Render());
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

    /// <summary>The file as the output names it: absolute, or relative to the current directory when asked.</summary>
    private static string Display(string file, string worktreeRoot, bool relative)
    {
        var absolute = Path.GetFullPath(file, worktreeRoot);
        return relative ? Path.GetRelativePath(Environment.CurrentDirectory, absolute) : absolute;
    }
}
