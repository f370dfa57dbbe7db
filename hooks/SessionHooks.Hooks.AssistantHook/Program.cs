// An assistant's hook (docs/assistants.md): sessionhooks-assistant-hook <assistant>, the event's JSON
// on stdin. A program of its own, native like the git hooks, because it runs on every prompt; it
// always exits 0, so it never stops the assistant.
using SessionHooks.Assistants;

if (args.Length != 1)
{
    Console.Error.WriteLine("SessionHooks: usage: sessionhooks-assistant-hook <assistant> (the hook's JSON on stdin)");
    return 0;
}

using var stdin = Console.OpenStandardInput();
return AssistantHookRun.Run(args[0], stdin, Console.Out, Console.Error);
