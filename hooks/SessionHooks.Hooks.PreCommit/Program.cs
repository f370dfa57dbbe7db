// pre-commit and pre-merge-commit: log the commit in worklog.json and stage the session files.
// Exit 1 refuses the commit (a staged session file breaks its schema).
using SessionHooks.Sessions;

return HookHost.Run("pre-commit", PreCommit.Run);
