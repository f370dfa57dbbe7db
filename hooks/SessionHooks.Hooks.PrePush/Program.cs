// pre-push <remote> <url>, with "<local-ref> <local-oid> <remote-ref> <remote-oid>" lines on stdin.
// Exit 1 refuses the push: the session files are invalid or stale, or the check itself failed
// (it fails closed: 'git push --no-verify' is the deliberate bypass).
using SessionHooks.Sessions;

var remote = args.Length > 0 ? args[0] : "origin";
return HookHost.Run("pre-push", context => PrePush.Run(context, remote, PushUpdate.Parse(Console.IsInputRedirected ? ReadStandardInput() : "")), failClosed: true);

// The raw stream, not Console.In: the console's reader costs a hook several milliseconds to set up.
static string ReadStandardInput()
{
    using var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
    return input.ReadToEnd();
}
