// pre-push <remote> <url>, with "<local-ref> <local-oid> <remote-ref> <remote-oid>" lines on stdin.
// Exit 1 refuses the push: the session files are invalid or stale.
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

var remote = args.Length > 0 ? args[0] : "origin";
var updates = PushUpdate.Parse(Console.IsInputRedirected ? ReadStandardInput() : "");
return HookHost.Run("pre-push", context => PrePush.Run(context, remote, updates), failClosed: true);

// The raw stream, not Console.In: the console's reader costs a hook several milliseconds to set up.
static string ReadStandardInput()
{
    using var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
    return input.ReadToEnd();
}
