// prepare-commit-msg <message-file> [<source> [<commit>]] and commit-msg <message-file>: the commit's
// Session-Id trailer (docs/records.md). Never refuses a commit, so it always exits 0.
using SessionHooks.Hooks;

if (args.Length < 2 || args[0] is not ("prepare-commit-msg" or "commit-msg"))
{
    Console.Error.WriteLine("usage: sessionhooks-commit-msg prepare-commit-msg|commit-msg <message-file> [<source> [<commit>]] (run by git)");
    return 0;
}

var (hook, file) = (args[0], args[1]);
HookHost.Run(hook, context => hook == "commit-msg"
    ? CommitMessage.Verify(context, file)
    : CommitMessage.Prepare(context, file, args.Length > 2 ? args[2] : null, args.Length > 3 ? args[3] : null));
return 0;
