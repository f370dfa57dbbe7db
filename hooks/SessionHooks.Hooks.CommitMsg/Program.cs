// prepare-commit-msg <message-file> [<source> [<commit>]] and commit-msg <message-file>: the commit's
// Session-Id trailer (docs/records.md). Never refuses a commit, so it always exits 0.
using SessionHooks.Hooks;

var task = args is [HookCall.TaskRunnerOption, ..];
if (args.Skip(task ? 1 : 0).ToArray() is not [("prepare-commit-msg" or "commit-msg") and var hook, .. var rest])
{
    Console.Error.WriteLine("usage: sessionhooks-commit-msg prepare-commit-msg|commit-msg <message-file> [<source> [<commit>]] (run by git)");
    return 0;
}

var call = new HookCall(hook, rest) { ViaTaskRunner = task };
HookHost.Run(call, context => hook == "commit-msg"
    ? CommitMessage.Verify(context, rest[0])
    : CommitMessage.Prepare(context, rest[0], rest.Length > 1 ? rest[1] : null, rest.Length > 2 ? rest[2] : null));
return 0;
