// post-commit, and post-rewrite <amend|rebase> with "<old> <new>" lines on stdin: what a commit
// recorded is finished, and what a rewrite replaced is recorded (docs/records.md). Their exit
// status changes nothing in git, so they always exit 0.
using SessionHooks.Hooks;

if (args is ["post-rewrite", var kind, ..])
{
    using var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
    var rewrites = input.ReadToEnd();
    HookHost.Run("post-rewrite", context => PostRewrite.Run(context, kind, rewrites));
    return 0;
}

HookHost.Run("post-commit", PostCommit.Run);
return 0;
