// pre-push <remote> <url>, with "<local-ref> <local-oid> <remote-ref> <remote-oid>" lines on stdin.
// Exit 1 refuses the push: the session files are invalid or stale, or the check itself failed
// (it fails closed: 'git push --no-verify' is the deliberate bypass).
using SessionHooks.Hooks;

var input = Console.IsInputRedirected ? Console.In.ReadToEnd() : "";
var call = HookCall.FromArguments("pre-push", args, input);
var remote = call.Arguments.Count > 0 ? call.Arguments[0] : "origin";
return HookHost.Run(call, context => PrePush.Run(context, remote, PushUpdate.Parse(input)), failClosed: true);
