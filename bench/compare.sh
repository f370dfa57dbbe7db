#!/usr/bin/env bash
# Compares hooks folders side by side in one hyperfine run per git command: the floor (a trivial
# .NET program), then each folder's hook overhead (the git command with the hook minus without).
# Usage: bench/compare.sh <label>=<hooks folder> [<label>=<hooks folder> ...]
#   A folder holds 'session.dll' (or a native folder with it one level up) and the hook programs.
# Environment: BENCH_RUNS (default 20), BENCH_WARMUP (default 3), BENCH_WORK (default: new /tmp folder).
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
. "$repo_root/bench/sandbox.sh"
work=${BENCH_WORK:-$(mktemp -d /tmp/sessionhooks-compare.XXXXXX)}
runs=${BENCH_RUNS:-20}
warmup=${BENCH_WARMUP:-3}
export SESSIONHOOKS_LOG=information

dotnet build "$repo_root/bench/Floor" -c Release --artifacts-path "$work/build" -nologo -v:q >&2
floor=$work/build/bin/Floor/release/floor

labels=()
for spec in "$@"; do
  label=${spec%%=*} folder=${spec#*=}
  labels+=("$label")
  dir=$work/$label
  sandbox_repo "$dir"
  # A native folder (linux-x64/) is installed through the folder above it, which holds the CLI.
  base=$folder; [ -f "$base/session.dll" ] || base=$(cd "$folder/.." && pwd)
  (cd "$dir" && dotnet "$base/session.dll" install --hooks-dir "$base" >/dev/null)
  git -C "$dir" config sessionhooks.hooksdir "$folder"
  git -C "$dir" add -A && git -C "$dir" commit -q -m "install hooks"
  git -C "$dir" branch other
  git -C "$dir" switch -q other && git -C "$dir" switch -q main
done

switch_args=(-n floor "$floor")
commit_args=(-n floor "$floor")
for label in "${labels[@]}"; do
  dir=$work/$label
  switch_args+=(-n "$label" "cd '$dir' && git switch -q -" -n "$label-skipped" "cd '$dir' && SESSIONHOOKS=0 git switch -q -")
  commit_args+=(-n "$label" "cd '$dir' && date +%s%N >>file.txt && git commit -q -am change"
                -n "$label-skipped" "cd '$dir' && date +%s%N >>file.txt && SESSIONHOOKS=0 git commit -q -am change")
done
hyperfine --style basic -w "$warmup" -r "$runs" --export-json "$work/switch.json" "${switch_args[@]}" >&2
hyperfine --style basic -w "$warmup" -r "$runs" --export-json "$work/commit.json" "${commit_args[@]}" >&2

report() {
  local json=$1 title=$2
  echo "$title"
  jq -r '
    (.results[] | select(.command == "floor") | .mean) as $floor
    | ([.results[] | {key: .command, value: .mean}] | from_entries) as $m
    | "  floor \($floor * 1000 | . * 10 | round / 10) ms",
      (.results[] | select(.command != "floor" and (.command | endswith("-skipped") | not))
       | . as $r | ($m[$r.command + "-skipped"]) as $s
       | "  \($r.command): overhead \((($r.mean - $s) * 1000) | . * 10 | round / 10) ms = \((($r.mean - $s) / $floor) | . * 100 | round / 100)x floor")' "$json"
}
report "$work/switch.json" "post-checkout (git switch)"
report "$work/commit.json" "pre-commit (git commit -a)"
