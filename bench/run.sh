#!/usr/bin/env bash
# Measures the hooks against the floor (a trivial .NET program) and a peer (lefthook running an
# empty job), side by side in one hyperfine run per git command, and writes the results table
# into docs/performance.md. See docs/performance.md for what each row means.
#
# Usage: bench/run.sh                 build in Release, measure, update docs/performance.md
# Environment:
#   BENCH_RUNS, BENCH_WARMUP          hyperfine runs and warmups per command (default 20, 5)
#   BENCH_HOOKS=composite|r2r|build   hook programs from a self-contained composite ReadyToRun
#                                     publish (default), a framework-dependent ReadyToRun publish,
#                                     or a plain Release build (the CLI's output folder)
#   BENCH_WORK                        work folder (default: a new folder under /tmp)
#   BENCH_ONLY                        space-separated groups to run (default: all)
#   BENCH_NO_DOCS=1                   print the table, leave docs/performance.md alone
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-$(mktemp -d /tmp/sessionhooks-bench.XXXXXX)}
runs=${BENCH_RUNS:-20}
warmup=${BENCH_WARMUP:-5}
hooks_mode=${BENCH_HOOKS:-composite}
only=${BENCH_ONLY:-"post-checkout pre-commit pre-push scale"}
artifacts=$work/build
results=$work/results
mkdir -p "$results"
export SESSIONHOOKS_LOG=information

log() { printf '\n== %s\n' "$*" >&2; }

build() {
  log "building in Release into $artifacts"
  local common=(-c Release --artifacts-path "$artifacts" -p:TreatWarningsAsErrors=false -nologo -v:q)
  dotnet build "$repo_root/bench/Floor" "${common[@]}" >&2
  dotnet build "$repo_root/bench/SessionGenerator" "${common[@]}" >&2
  floor=$artifacts/bin/Floor/release/floor
  generator=$artifacts/bin/SessionGenerator/release/session-generator
  if [ "$hooks_mode" = composite ]; then
    # The fast build (docs/performance.md): the runtime and the app precompiled together in one
    # image, so the framework's generics over our types need no JIT at start-up.
    dotnet publish "$repo_root/src/SessionHooks.Cli" "${common[@]}" -r linux-x64 --self-contained true \
      -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/hooks" >&2
    hooks=$work/hooks
  elif [ "$hooks_mode" = r2r ]; then
    # The CLI and the hook programs, ReadyToRun-compiled, framework-dependent.
    dotnet publish "$repo_root/src/SessionHooks.Cli" "${common[@]}" -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o "$work/hooks" >&2
    hooks=$work/hooks
  else
    dotnet build "$repo_root/src/SessionHooks.Cli" "${common[@]}" >&2
    hooks=$artifacts/bin/SessionHooks.Cli/release
  fi
}

lefthook_install() {
  log "installing lefthook 2.2.2"
  mkdir -p "$work/lefthook"
  (cd "$work/lefthook" && npm install --silent --no-audit --no-fund lefthook@2.2.2 >/dev/null)
  # The native binary, as a Go install or Homebrew puts it on PATH (node_modules/.bin starts node first).
  export PATH="$work/lefthook/node_modules/lefthook-linux-x64/bin:$PATH"
}

# A repository with one commit, then what "$2" installs, committed, a branch 'other', a bare remote.
new_repo() {
  local dir=$1 kind=$2
  git init -q -b main "$dir"
  git -C "$dir" config user.name Bench
  git -C "$dir" config user.email bench@example.com
  git -C "$dir" config commit.gpgsign false
  printf '# sandbox\n' >"$dir/README.md"
  printf 'line\n' >"$dir/file.txt"
  SESSIONHOOKS=0 git -C "$dir" add -A
  SESSIONHOOKS=0 git -C "$dir" commit -q -m "initial commit"
  if [ "$kind" = sessionhooks ]; then
    (cd "$dir" && "$hooks/session" install --hooks-dir "$hooks" >/dev/null)
  else
    printf 'post-checkout:\n  jobs:\n    - run: "true"\npre-commit:\n  jobs:\n    - run: "true"\npre-push:\n  jobs:\n    - run: "true"\n' >"$dir/lefthook.yml"
    (cd "$dir" && lefthook install >/dev/null)
  fi
  git -C "$dir" add -A
  git -C "$dir" commit -q -m "install hooks"
  git init -q --bare "$dir.remote.git"
  git -C "$dir" remote add origin "$dir.remote.git"
  git -C "$dir" push -q --no-verify origin main
  git -C "$dir" branch other
}

# Grows the session files to $2 sessions and $3 entries and commits them through the hooks.
grow() {
  local dir=$1
  "$generator" "$dir" "$2" "$3"
  git -C "$dir" add .sessions
  git -C "$dir" commit -q -m "history: $2 sessions, $3 entries"
  git -C "$dir" push -q --no-verify origin main
}

# One hyperfine run: the floor, the command with its hook, and the command with the hook skipped.
# $1 group name, $2 repository, $3 variable that skips the hook, $4 prepare, $5 command.
measure() {
  local name=$1 dir=$2 skip=$3 prepare=$4 command=$5
  git -C "$dir" tag -f base >/dev/null
  log "measuring $name"
  hyperfine --style basic -w "$warmup" -r "$runs" \
    --prepare "$prepare" \
    --export-json "$results/$name.json" --export-markdown "$results/$name.md" \
    -n floor "$floor" \
    -n hooked "cd '$dir' && $command" \
    -n skipped "cd '$dir' && $skip=0 $command" >&2
}

checkout() {
  # 'git switch -' needs a previous branch to go back to.
  git -C "$2" switch -q other && git -C "$2" switch -q main
  measure "$1" "$2" "$3" "true" "git switch -q -"
}

# One commit after another, as on a working branch: the worklog the last commit's hook wrote is
# still in place, so pre-commit appends to it without reading it again.
commit() {
  measure "$1" "$2" "$3" \
    "cd '$2' && echo \$RANDOM >>file.txt && git add file.txt" \
    "git commit -q -m change"
}

# The first commit after git itself rewrote the worklog (here a reset; a checkout or a merge
# does the same): pre-commit reads and checks the whole file before it appends.
commit_after_rewrite() {
  measure "$1" "$2" "$3" \
    "cd '$2' && git reset -q --hard base && echo \$RANDOM >>file.txt && git add file.txt" \
    "git commit -q -m change"
}

push() {
  # Start from what the remote has: the last commit of the pre-commit measurement was made with
  # the hook skipped, and pre-push rightly refuses to push a commit with no worklog entry.
  git -C "$2" reset -q --hard origin/main
  measure "$1" "$2" "$3" \
    "cd '$2' && git reset -q --hard base && echo \$RANDOM >>file.txt && git commit -q -am change" \
    "git push -q --force origin HEAD:refs/heads/main"
}

mean_ms() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .mean * 1000' "$results/$1.json"; }

row() {
  local name=$1 label=$2
  [ -f "$results/$name.json" ] || return 0
  local floor_ms hooked skipped
  floor_ms=$(mean_ms "$name" floor)
  hooked=$(mean_ms "$name" hooked)
  skipped=$(mean_ms "$name" skipped)
  awk -v l="$label" -v f="$floor_ms" -v h="$hooked" -v s="$skipped" \
    'BEGIN { o = h - s; printf "| %s | %.1f | %.1f | %.1f | %.1f | %.2f× |\n", l, f, s, h, o, o / f }'
}

scale_row() {
  local small=$1 large=$2 label=$3
  [ -f "$results/$small.json" ] && [ -f "$results/$large.json" ] || return 0
  awk -v l="$label" -v sh="$(mean_ms "$small" hooked)" -v ss="$(mean_ms "$small" skipped)" \
    -v lh="$(mean_ms "$large" hooked)" -v ls="$(mean_ms "$large" skipped)" \
    'BEGIN { a = sh - ss; b = lh - ls; printf "| %s | %.1f | %.1f | %.2f× |\n", l, a, b, b / a }'
}

table() {
  cat <<EOF
Measured $(date -u +%Y-%m-%d) with \`bench/run.sh\` (BENCH_HOOKS=$hooks_mode, $runs runs after $warmup warmups per command).
Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) memory; $(dotnet --version) SDK, $(git --version), hyperfine $(hyperfine --version | cut -d' ' -f2).

Overhead = mean of the git command with the hook − the same command with the hook skipped
(\`SESSIONHOOKS=0\`, \`LEFTHOOK=0\` for lefthook); ratio = overhead ÷ the floor measured in the same run.

| hook (git command) | floor ms | skipped ms | hooked ms | overhead ms | overhead ÷ floor |
|---|---|---|---|---|---|
$(row post-checkout "post-checkout (\`git switch\`), target ≤ 2×")
$(row pre-commit "pre-commit (\`git commit\`), target ≤ 2.5×")
$(row pre-push "pre-push (\`git push\`, full validation), target ≤ 5×")
$(row lefthook-post-checkout "lefthook 2.2.2 post-checkout, empty job")
$(row lefthook-pre-commit "lefthook 2.2.2 pre-commit, empty job")
$(row lefthook-pre-push "lefthook 2.2.2 pre-push, empty job")
| no-op \`dotnet build\` with the package ÷ without | see docs/msbuild.md | | | | |

Flat in history (target ≤ 1.5×):

| hook | overhead ms, 10 sessions / 100 entries | overhead ms, 1,000 sessions / 100,000 entries | ratio |
|---|---|---|---|
$(scale_row scale-small-post-checkout scale-large-post-checkout post-checkout)
$(scale_row scale-small-pre-commit scale-large-pre-commit pre-commit)
$(scale_row scale-small-pre-commit-rewritten scale-large-pre-commit-rewritten "pre-commit, first commit after git rewrote \`worklog.json\` (a reset, checkout or merge)")
$(scale_row scale-small-pre-push scale-large-pre-push "pre-push (no target)")
EOF
}

wants() { [[ " $only " == *" $1 "* ]]; }

build
repos=$work/repos
mkdir -p "$repos"
if wants post-checkout || wants pre-commit || wants pre-push; then
  lefthook_install
  new_repo "$repos/hooked" sessionhooks
  new_repo "$repos/lefthook" lefthook
fi
wants post-checkout && checkout post-checkout "$repos/hooked" SESSIONHOOKS && checkout lefthook-post-checkout "$repos/lefthook" LEFTHOOK
wants pre-commit && commit pre-commit "$repos/hooked" SESSIONHOOKS && commit lefthook-pre-commit "$repos/lefthook" LEFTHOOK
wants pre-push && push pre-push "$repos/hooked" SESSIONHOOKS && push lefthook-pre-push "$repos/lefthook" LEFTHOOK
if wants scale; then
  for size in "small 10 100" "large 1000 100000"; do
    set -- $size
    new_repo "$repos/scale-$1" sessionhooks
    grow "$repos/scale-$1" "$2" "$3"
    checkout "scale-$1-post-checkout" "$repos/scale-$1" SESSIONHOOKS
    commit "scale-$1-pre-commit" "$repos/scale-$1" SESSIONHOOKS
    commit_after_rewrite "scale-$1-pre-commit-rewritten" "$repos/scale-$1" SESSIONHOOKS
    push "scale-$1-pre-push" "$repos/scale-$1" SESSIONHOOKS
  done
fi

table >"$results/table.md"
cat "$results/table.md"
if [ "${BENCH_NO_DOCS:-}" != 1 ]; then
  doc=$repo_root/docs/performance.md
  # Replace what lies between the markers; the prose around them is kept.
  awk -v table="$results/table.md" '
    /<!-- bench:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }' "$doc" >"$doc.new" && mv "$doc.new" "$doc"
fi
log "results and hyperfine exports in $results"
