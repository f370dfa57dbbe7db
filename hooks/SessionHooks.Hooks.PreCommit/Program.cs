// pre-commit, and pre-merge-commit (the launcher passes --merge-commit): log the commit in
// worklog.json and stage the session files. Exit 1 refuses the commit (a staged session file
// breaks its schema).
using SessionHooks.Hooks;
using SessionHooks.Rules;
using SessionHooks.Workflows;

var mergeCommit = args.Contains("--merge-commit");
return HookHost.Run(mergeCommit ? "pre-merge-commit" : "pre-commit", context => PreCommit.Run(context, mergeCommit));
