// pre-push <remote> <url>, with "<local-ref> <local-oid> <remote-ref> <remote-oid>" lines on stdin.
// Exit 1 refuses the push: the session files are invalid or stale, or the check itself failed
// (it fails closed: 'git push --no-verify' is the deliberate bypass).
using SessionHooks.Hooks;

var remote = args.Length > 0 ? args[0] : "origin";
var updates = PushUpdate.Parse(Console.IsInputRedirected ? Console.In.ReadToEnd() : "");
return HookHost.Run("pre-push", context => PrePush.Run(context, remote, updates), failClosed: true);
