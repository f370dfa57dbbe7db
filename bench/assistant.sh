#!/usr/bin/env bash
# Measures Claude Code's hooks as 'session install --assistant claude' writes them, in ONE hyperfine
# run beside the floor (a trivial .NET program): the exact command from .claude/settings.json, fed
# the JSON Claude Code sends (tests/SessionHooks.Cli.Tests/ClaudeCode/), as Claude Code runs it.
# Usage: bench/assistant.sh [hooks folder]   (default: the Release build bench/run.sh leaves in
#   $BENCH_WORK/hooks; a folder holds 'session' and the framework-dependent programs, and linux-x64/
#   the native ones)
# Environment: BENCH_RUNS (default 20), BENCH_WARMUP (default 3), BENCH_WORK (default: new /tmp folder).
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
. "$repo_root/bench/sandbox.sh"
work=${BENCH_WORK:-$(mktemp -d /tmp/sessionhooks-assistant.XXXXXX)}
runs=${BENCH_RUNS:-20}
warmup=${BENCH_WARMUP:-3}
hooks=${1:-$work/hooks}
fixtures=$repo_root/tests/SessionHooks.Cli.Tests/ClaudeCode
export SESSIONHOOKS_LOG=information DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
[ -x "$hooks/session" ] || { echo "bench: no 'session' in $hooks (run bench/run.sh first, or name a hooks folder)" >&2; exit 2; }

dotnet build "$repo_root/bench/Floor" -c Release --artifacts-path "$work/build" -nologo -v:q >&2
floor=$work/build/bin/Floor/release/floor

dir=$work/repos/assistant
rm -rf "$dir"
sandbox_repo "$dir"
(cd "$dir" && "$hooks/session" install --hooks-dir "$hooks" --assistant claude >/dev/null \
  && "$hooks/session" start --title "Bench" >/dev/null \
  && "$hooks/session" task add "An open task" >/dev/null \
  && "$hooks/session" note add "A note for the assistant" >/dev/null)
git -C "$dir" add -A
git -C "$dir" commit -q -m "install hooks"

# The command as Claude Code runs it: through sh, from the project folder, the event on stdin.
command=$(jq -r '.hooks.SessionStart[0].hooks[0].command' "$dir/.claude/settings.json")
mkdir -p "$work/events"
arguments=(-n floor "$floor")
for event in SessionStart UserPromptSubmit Stop SessionEnd; do
  jq --arg cwd "$dir" '.cwd = $cwd' "$fixtures/$event.json" >"$work/events/$event.json"
  arguments+=(-n "$event" "cd '$dir' && CLAUDE_PROJECT_DIR='$dir' sh -c '$command' <'$work/events/$event.json' >/dev/null")
done

mkdir -p "$work/results"
hyperfine --style basic -w "$warmup" -r "$runs" --export-json "$work/results/assistant.json" "${arguments[@]}" >&2
jq -r '(.results[] | select(.command == "floor") | .mean) as $f
  | "| hook | mean ms | ÷ floor |", "|---|---|---|",
    (.results[] | "| \(.command) | \(.mean * 1000 * 10 | round / 10) | \(.mean / $f * 100 | round / 100)× |")' "$work/results/assistant.json"
