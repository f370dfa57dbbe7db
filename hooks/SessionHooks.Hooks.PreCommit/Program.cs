// pre-commit, and pre-merge-commit (the launcher passes --merge-commit): record what is pending in
// the commit and stage it (docs/records.md). Exit 1 refuses the commit (a staged session file
// breaks its schema).
using SessionHooks.Hooks;

var mergeCommit = args.Contains("--merge-commit");
return HookHost.Run(HookCall.FromArguments(mergeCommit ? "pre-merge-commit" : "pre-commit", args), context => PreCommit.Run(context, mergeCommit));
