// session: install SessionHooks in a repository, log and summarise sessions, give an assistant its
// context, and validate or recover the session files.
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
    StartCommand.Create(),
    LogCommand.Create(),
    SummaryCommand.Create(),
    ContextCommand.Create(),
    ContextListCommand.CreateCache(),
    ContextListCommand.CreateNote(),
    EndCommand.Create(),
    SwitchCommand.Create(),
    ListCommand.Create(),
    ShowCommand.Create(),
    JournalCommand.Create(),
    TaskCommand.Create(),
    ArchiveCommand.Create(),
};

var parsed = root.Parse(args);
// Usage errors are one line and exit 2, also for commands that have an action of their own.
if (parsed.Errors.Count > 0)
{
    // The first error is the one to fix; the rest usually follow from it.
    Console.Error.WriteLine($"session: error: {parsed.Errors[0].Message} (see 'session --help')");

    return 2;
}

return parsed.Invoke();
