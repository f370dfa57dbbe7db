using System.CommandLine;
using SessionHooks.Context;
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;
using SessionHooks.Safety;

namespace SessionHooks.Cli.Commands;

/// <summary><c>note</c> and <c>cache</c>: add, remove and list the context notes or the knowledge cache.</summary>
internal static class ContextListCommand
{
    public static Command CreateNote() => Create("note", "context note", ContextList.Notes,
        "Context notes: short instructions and reminders for whoever works here next",
        (context, text) => HandText.Clean(context, text, "note"));

    public static Command CreateCache() => Create("cache", "path", ContextList.KnowledgeCache,
        "Knowledge cache: files an assistant must have at hand (paths inside the repository)",
        (context, path) => RepositoryPath.Normalize(context.WorktreeRoot, path ?? ""));

    private static Command Create(string name, string what, ContextList list, string description, Func<SessionContext, string?, string> clean)
    {
        var command = new Command(name, description)
        {
            Sub("add", $"Add a {what}", (context, value, repo) =>
            {
                var item = clean(context, value);
                var added = ContextLists.Add(context, list, repo, item);
                Console.WriteLine(added ? $"Added: {SafeText.Terminal(item)}" : $"Already there: {SafeText.Terminal(item)}");
                if (list == ContextList.KnowledgeCache && RepositoryPath.Resolve(context.WorktreeRoot, item) is null)
                {
                    Console.Error.WriteLine($"session: warning: {SafeText.Terminal(item)} does not exist (yet)");
                }
            }),
            Sub("remove", $"Remove a {what}, by its text or its number in 'list'", (context, value, repo) =>
                Console.WriteLine($"Removed: {SafeText.Terminal(ContextLists.Remove(context, list, repo, value ?? ""))}")),
        };

        var repoOption = RepoOption();
        var json = new Option<bool>("--json") { Description = "Print JSON for programs" };
        var listCommand = new Command("list", $"List the {what}s") { repoOption, json };
        listCommand.SetAction(result => CommandRunner.InRepository(name, context =>
        {
            var items = ContextLists.Read(context, list, result.GetValue(repoOption));
            if (result.GetValue(json))
            {
                JsonOutput.Write(ContextJson.Strings(items));
            }
            else
            {
                for (var i = 0; i < items.Count; i++)
                {
                    Console.WriteLine($"{i + 1}. {SafeText.Terminal(items[i])}");
                }
            }

            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(listCommand);
        return command;
    }

    private static Command Sub(string name, string description, Action<SessionContext, string?, bool> act)
    {
        var value = new Argument<string>("value") { Description = "The text, or the path relative to the repository root" };
        var repo = RepoOption();
        var command = new Command(name, description) { value, repo };
        command.SetAction(result => CommandRunner.InRepository(name, context =>
        {
            act(context, result.GetValue(value), result.GetValue(repo));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<bool> RepoOption() => new("--repo") { Description = "The repository-wide list instead of the session's" };
}
