// post-checkout <previous HEAD> <new HEAD> <1 = branch checkout, 0 = file checkout>.
// Its exit status becomes git's, so it always exits 0.
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: sessionhooks-post-checkout <previous-head> <new-head> <flag> (run by git)");
    return 0;
}

HookHost.Run("post-checkout", context => PostCheckout.Run(context, args[0], args[1], args[2]));
return 0;
