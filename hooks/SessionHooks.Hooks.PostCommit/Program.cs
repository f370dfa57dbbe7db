// post-commit, and post-rewrite <amend|rebase> with "<old> <new>" lines on stdin: what a commit
// recorded is finished, and what a rewrite replaced is recorded (docs/records.md). Their exit
// status changes nothing in git, so they always exit 0.
using SessionHooks.Hooks;

var task = args is [HookCall.TaskRunnerOption, ..];
if (args.Skip(task ? 1 : 0).ToArray() is ["post-rewrite", .. var rest])
{
    // A terminal is not git's pipe: reading it would wait for a user who ran the hook by hand.
    var rewrites = Console.IsInputRedirected ? Console.In.ReadToEnd() : "";
    HookHost.Run(new HookCall("post-rewrite", rest, rewrites) { ViaTaskRunner = task }, context => PostRewrite.Run(context, rest[0], rewrites));
    return 0;
}

HookHost.Run(new HookCall("post-commit", []) { ViaTaskRunner = task }, PostCommit.Run);
return 0;
