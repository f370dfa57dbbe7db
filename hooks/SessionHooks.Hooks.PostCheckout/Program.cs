// post-checkout <previous HEAD> <new HEAD> <1 = branch checkout, 0 = file checkout>.
// Its exit status becomes git's, so it always exits 0.
using SessionHooks.Hooks;

var call = HookCall.FromArguments("post-checkout", args);
HookHost.Run(call, context => PostCheckout.Run(context, call.Arguments[0], call.Arguments[1], call.Arguments[2]));
return 0;
