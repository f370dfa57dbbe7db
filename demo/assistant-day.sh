#!/usr/bin/env bash
# An assistant's day with SessionHooks, scripted (no model is involved): Claude Code's hooks are
# run exactly as Claude Code runs them — the command 'session install --assistant claude' wrote
# into .claude/settings.json, through 'sh -c', with the event's JSON on stdin and
# $CLAUDE_PROJECT_DIR set. The day: a session start, three prompts, decisions, sources and tasks
# logged, commits, a task done, 'session end --status handoff'; then a new assistant session on
# the same branch is handed the summary and the open tasks; the journal is written.
# Usage: bash demo/assistant-day.sh [directory]   (default: a new folder under /tmp; kept afterwards)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
sandbox=${1:-$(mktemp -d /tmp/sessionhooks-assistant-day.XXXXXX)}
mkdir -p "$sandbox"
sandbox=$(cd "$sandbox" && pwd)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
fail() { echo "assistant-day: FAILED: $*" >&2; exit 1; }

step "Building SessionHooks (the session command and the hook programs)"
dotnet build "$here/src/SessionHooks.Cli" -c Release -o "$sandbox/tools" -nologo -v:q -p:SessionHooksNativeHooks=false >/dev/null
session() { dotnet "$sandbox/tools/session.dll" "$@"; }

# The sandbox's git must not touch the user's own configuration or repositories.
export HOME="$sandbox/home" GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE SESSIONHOOKS HUSKY
mkdir -p "$HOME"
git config --global user.name "Sandbox User"
git config --global user.email "sandbox@example.com"
git config --global init.defaultBranch main
git config --global commit.gpgsign false

step "A repository, SessionHooks installed with Claude Code's hooks"
rm -rf "$sandbox/repo"
git init -q "$sandbox/repo"
cd "$sandbox/repo"
echo "# Importer" > README.md
git add README.md && git commit -qm "Initial commit"
show session install --hooks-dir "$sandbox/tools" --assistant claude
git add -A && git commit -qm "Install SessionHooks"
git checkout -q -b feature/importer
export CLAUDE_PROJECT_DIR="$sandbox/repo"

# Claude Code's way of running a hook: the settings' command, through sh -c, the event's JSON on stdin.
claude_hook() { # <event> <json>
  local command
  command=$(jq -r --arg e "$1" '.hooks[$e][0].hooks[0].command' .claude/settings.json)
  printf '%s' "$2" | sh -c "$command"
}
event() { # <event> <assistant session id> [extra jq fields]
  jq -cn --arg e "$1" --arg s "$2" --arg cwd "$PWD" \
    '{session_id: $s, transcript_path: ("/home/dev/.claude/projects/importer/" + $s + ".jsonl"), cwd: $cwd, permission_mode: "default", hook_event_name: $e}'"${3:-}"
}

step "SessionStart (source: startup): Claude Code adds this output to the conversation"
session start --title "CSV importer" --issue "#42" >/dev/null
session note add "run the importer tests with --filter Csv" >/dev/null
claude_hook SessionStart "$(event SessionStart 7f3c2a10-day1 '+ {source: "startup", model: "claude-sonnet-4-6"}')"

step "Three prompts (UserPromptSubmit): each becomes a prompt entry, secrets redacted"
claude_hook UserPromptSubmit "$(event UserPromptSubmit 7f3c2a10-day1 '+ {prompt: "Read the CSV spec and sketch a streaming reader"}')"
claude_hook UserPromptSubmit "$(event UserPromptSubmit 7f3c2a10-day1 '+ {prompt: "Handle quoted newlines; the test server key is ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"}')"
claude_hook UserPromptSubmit "$(event UserPromptSubmit 7f3c2a10-day1 '+ {prompt: "Add tests for BOMs and write the docs"}')"

step "What the assistant records as it works"
show session log decision "Stream rows with a PipeReader: files reach 2 GB and must never be loaded whole"
show session log decision "Keep RFC 4180 quoting; Excel's variants are read, never written"
show session log source "https://www.rfc-editor.org/rfc/rfc4180"
show session log insight "Excel exports start with a UTF-8 BOM"
show session log problem "The old reader leaks file handles on error paths"
show session log milestone "Streaming reader passes the RFC 4180 examples"
task_id=$(session task add "Handle quoted newlines" --priority high | grep -o 't-[0-9a-z]*' | head -1)
show session task add "Write the importer docs" --priority medium
show session task add "Benchmark 2 GB files" --priority low

step "Commits; a task done; Stop records what the assistant touched"
mkdir -p src tests
printf 'class CsvReader {}\n' > src/CsvReader.cs
printf 'class CsvReaderTests {}\n' > tests/CsvReaderTests.cs
git add src tests && show git commit -qm "Streaming CSV reader"
printf '// quoted newlines\n' >> src/CsvReader.cs
git add src && show git commit -qm "Quoted newlines in fields"
show session task done "$task_id" --actual 1h
printf 'Usage: importer <file>\n' > docs.md
claude_hook Stop "$(event Stop 7f3c2a10-day1 '+ {stop_hook_active: false}')"

step "Handing off: the session ends as handoff"
show session end --status handoff --summary "Streaming reader and quoted newlines done; docs and the 2 GB benchmark are left"
claude_hook SessionEnd "$(event SessionEnd 7f3c2a10-day1 '+ {reason: "prompt_input_exit"}')"
git add docs.md && git commit -qm "Importer usage notes"

step "Next morning, a new Claude Code session on the same branch (SessionStart, startup)"
context=$(claude_hook SessionStart "$(event SessionStart 0b9e44d2-day2 '+ {source: "startup", model: "claude-sonnet-4-6"}')")
printf '%s\n' "$context"
grep -q "docs and the 2 GB benchmark are left" <<<"$context" || fail "the new session was not shown the handoff summary"
grep -q "Write the importer docs" <<<"$context" || fail "the new session was not shown the open tasks"
grep -q "Benchmark 2 GB files" <<<"$context" || fail "the new session was not shown the open tasks"
if grep -q "Handle quoted newlines" <<<"$context"; then fail "a done task was shown as open"; fi

step "The prompts, as the commits recorded them (redacted)"
jq -r '.entries[] | select(.kind == "prompt") | "  \(.time)  \(.text)"' .sessions/worklog/*/*.json
[ "$(jq -r '.entries[] | select(.kind == "prompt") | .id' .sessions/worklog/*/*.json | wc -l)" -eq 3 ] || fail "three prompts, three prompt entries"

step "The journal, with every section"
show session journal
for heading in "Summary" "Key decisions and rationale" "Deliverables" "Implementation highlights" \
  "Challenges and lessons" "Next work items" "Sources" "Related sessions"; do
  grep -q "^### $heading" SESSION_JOURNAL.md || fail "the journal has no '$heading' section"
done
grep -q "ghp_0123456789" SESSION_JOURNAL.md .sessions -r && fail "a secret reached the records"
cat SESSION_JOURNAL.md
show session validate

step "Done"
echo "The sandbox is in $sandbox (repository: $sandbox/repo). Remove it with: rm -rf $sandbox"
