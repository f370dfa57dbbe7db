// session: install SessionHooks in a repository, and validate or recover its session files.
// Exit codes: 0 ok, 1 checks failed, 2 usage or environment error.
using System.CommandLine;
using SessionHooks.Cli.Commands;

var root = new RootCommand("SessionHooks: keeps a repository's session records in step with git")
{
    InstallCommand.Create(),
    InstallCommand.CreateUninstall(),
    StatusCommand.Create(),
    ValidateCommand.Create(),
    RecoverCommand.Create(),
    MergeDriverCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is null)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"session: error: {error.Message} (see 'session --help')");
    }

    return 2;
}

return parsed.Invoke();
