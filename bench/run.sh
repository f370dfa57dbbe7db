#!/usr/bin/env bash
# Measures the hooks side by side in ONE hyperfine run: the floor (a trivial .NET program), each
# git command with SessionHooks' hooks and without hooks, the same commands with lefthook 2.2.2
# running an empty job, and Husky.Net 0.9.1's 'dotnet husky run' of an empty task. Then how the
# hooks scale with history, in one hyperfine run per hook. Writes the tables into
# docs/performance.md (see there for what each row means).
#
# Usage: bench/run.sh                 build in Release, measure, update docs/performance.md
# Environment:
#   BENCH_RUNS, BENCH_WARMUP          hyperfine runs and warmups per command (default 20, 5)
#   BENCH_HOOKS=aot|build             hook programs as the package ships them for linux-x64:
#                                     NativeAOT (default; needs clang), or framework-dependent
#                                     (the CLI's Release build, as on other runtimes)
#   BENCH_WORK                        work folder (default: a new folder under /tmp)
#   BENCH_ONLY                        space-separated groups to run: side-by-side scale (default: both)
#   BENCH_NO_DOCS=1                   print the tables, leave docs/performance.md alone
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
. "$repo_root/bench/sandbox.sh"
work=${BENCH_WORK:-$(mktemp -d /tmp/sessionhooks-bench.XXXXXX)}
runs=${BENCH_RUNS:-20}
warmup=${BENCH_WARMUP:-5}
hooks_mode=${BENCH_HOOKS:-aot}
only=${BENCH_ONLY:-"side-by-side scale"}
artifacts=$work/build
results=$work/results
mkdir -p "$results"
export SESSIONHOOKS_LOG=information
# Neither the tools nor the hooks should print first-run banners or phone home while measured.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
husky_version=0.9.1
lefthook_version=2.2.2

log() { printf '\n== %s\n' "$*" >&2; }

build() {
  log "building in Release into $artifacts"
  local common=(-c Release --artifacts-path "$artifacts" -p:TreatWarningsAsErrors=false -nologo -v:q)
  dotnet build "$repo_root/bench/Floor" "${common[@]}" >&2
  dotnet build "$repo_root/bench/SessionGenerator" "${common[@]}" >&2
  floor=$artifacts/bin/Floor/release/floor
  generator=$artifacts/bin/SessionGenerator/release/session-generator
  # The package's layout: the CLI and the framework-dependent hook programs, and the NativeAOT
  # programs in linux-x64/, which 'session install' picks on that runtime.
  hooks=$work/hooks
  dotnet build "$repo_root/src/SessionHooks.Cli" "${common[@]}" -p:SessionHooksNativeHooks=false -o "$hooks" >&2
  if [ "$hooks_mode" = aot ]; then
    command -v clang >/dev/null || { echo "bench: NativeAOT needs clang (Debian: apt-get install clang), or run with BENCH_HOOKS=build" >&2; exit 2; }
    # The same publish the tests and the package use (hooks/NativeHooks.targets), kept in
    # artifacts/native/ and redone only when a source changed.
    dotnet build "$repo_root/tests/SessionHooks.Testing" -c Release -nologo -v:q -p:SessionHooksNativeHooks=true >&2
    mkdir -p "$hooks/linux-x64"
    find "$repo_root/artifacts/native/linux-x64" -maxdepth 1 -type f ! -name '*.stamp' -exec cp {} "$hooks/linux-x64/" \;
  fi
}

lefthook_install() {
  log "installing lefthook $lefthook_version"
  mkdir -p "$work/lefthook"
  (cd "$work/lefthook" && npm install --silent --no-audit --no-fund "lefthook@$lefthook_version" >/dev/null)
  # The native binary, as a Go install or Homebrew puts it on PATH (node_modules/.bin starts node first).
  export PATH="$work/lefthook/node_modules/lefthook-linux-x64/bin:$PATH"
}

# A repository with one commit, then what "$2" installs, committed, a branch 'other', a bare remote.
new_repo() {
  local dir=$1 kind=$2
  sandbox_repo "$dir"
  case "$kind" in
    sessionhooks) (cd "$dir" && "$hooks/session" install --hooks-dir "$hooks" >/dev/null) ;;
    lefthook)
      printf 'post-checkout:\n  jobs:\n    - run: "true"\npre-commit:\n  jobs:\n    - run: "true"\npre-push:\n  jobs:\n    - run: "true"\n' >"$dir/lefthook.yml"
      (cd "$dir" && lefthook install >/dev/null) ;;
    husky)
      # Husky.Net as its documentation sets it up: a local tool, 'dotnet husky install', and here
      # one task that does nothing.
      (cd "$dir" && dotnet new tool-manifest >/dev/null && dotnet tool install Husky --version "$husky_version" >/dev/null \
        && dotnet husky install >/dev/null)
      printf '{\n  "tasks": [\n    { "name": "empty", "group": "empty", "command": "true" }\n  ]\n}\n' >"$dir/.husky/task-runner.json" ;;
  esac
  git -C "$dir" add -A
  git -C "$dir" commit -q -m "install hooks"
  git init -q --bare "$dir.remote.git"
  git -C "$dir" remote add origin "$dir.remote.git"
  git -C "$dir" push -q --no-verify origin main
  git -C "$dir" branch other
  git -C "$dir" tag -f base >/dev/null
}

# Grows the session files to $2 sessions and $3 entries and commits them through the hooks.
grow() {
  local dir=$1
  "$generator" "$dir" "$2" "$3"
  git -C "$dir" add .sessions
  git -C "$dir" commit -q -m "history: $2 sessions, $3 entries"
  git -C "$dir" push -q --no-verify origin main
  git -C "$dir" tag -f base >/dev/null
}

# What each git command needs before a run, and the command; $1 is the repository, $2 (optional)
# the git options of the run without hooks. 'git switch -' goes back and forth between main and other.
checkout_prepare() { echo "git -C '$1' switch -q other && git -C '$1' switch -q main"; }
checkout_command() { echo "cd '$1' && git ${2:-} switch -q -"; }
# One commit after another, as on a working branch: the records the last commit's hooks wrote are
# still in place. hyperfine runs these through sh, which may have no $RANDOM: the change is new
# nanoseconds, so no commit repeats a tree (post-commit would take that for a squash).
commit_prepare() { echo "cd '$1' && date +%s%N >>file.txt && git add file.txt"; }
commit_command() { echo "cd '$1' && git ${2:-} commit -q -m change"; }
# The first commit after git itself rewrote the records (here a reset; a checkout or a merge does
# the same).
rewritten_prepare() { echo "cd '$1' && git reset -q --hard base && date +%s%N >>file.txt && git add file.txt"; }
# A push of one new commit, made with the hooks on: from what the remote has, so pre-push checks it.
push_prepare() { echo "cd '$1' && git reset -q --hard base && date +%s%N >>file.txt && git commit -q -am change"; }
push_command() { echo "cd '$1' && git ${2:-} push -q --force origin HEAD:refs/heads/main"; }
# A push of one new commit that changed ai_sessions.json (a task added to the session), on top of
# what the remote has: the registry's blob is new each time, so pre-push checks it. No reset: a
# reset would drop the commit that recorded the last task, which then waits to be recorded again.
registry_push_prepare() { echo "cd '$1' && git push -q --no-verify --force origin HEAD:refs/heads/main && '$hooks/session' task add \"bench \$(date +%s%N)\" >/dev/null && date +%s%N >>file.txt && git commit -q -am change"; }

# The same git command with no hook at all: an empty hooks folder, so the overhead counts
# everything the hooks add, the shell scripts that start them included.
no_hooks() { mkdir -p "$work/no-hooks"; echo "-c core.hooksPath='$work/no-hooks'"; }

# The one side-by-side run. Each command has its own repository, so no command's runs change what
# another measures; a hooked command is followed by the same command without hooks.
side_by_side() {
  lefthook_install
  local repos=$work/repos names=() prepares=() commands=()
  mkdir -p "$repos"
  add() { names+=("$1"); prepares+=("$2"); commands+=("$3"); }
  add floor "true" "$floor"
  local none
  none=$(no_hooks)
  for tool in sessionhooks lefthook; do
    for hook in post-checkout commit pre-push; do
      new_repo "$repos/$tool-$hook" "$tool"
    done
    local dir=$repos/$tool
    add "$tool post-checkout" "$(checkout_prepare "$dir-post-checkout")" "$(checkout_command "$dir-post-checkout")"
    add "$tool post-checkout without hooks" "$(checkout_prepare "$dir-post-checkout")" "$(checkout_command "$dir-post-checkout" "$none")"
    add "$tool commit" "$(commit_prepare "$dir-commit")" "$(commit_command "$dir-commit")"
    add "$tool commit without hooks" "$(commit_prepare "$dir-commit")" "$(commit_command "$dir-commit" "$none")"
    add "$tool pre-push" "$(push_prepare "$dir-pre-push")" "$(push_command "$dir-pre-push")"
    add "$tool pre-push without hooks" "$(push_prepare "$dir-pre-push")" "$(push_command "$dir-pre-push" "$none")"
  done
  log "installing Husky.Net $husky_version"
  new_repo "$repos/husky" husky
  add "husky run" "true" "cd '$repos/husky' && dotnet husky run --group empty"

  local arguments=()
  for i in "${!names[@]}"; do
    arguments+=(-n "${names[$i]}" --prepare "${prepares[$i]}" "${commands[$i]}")
  done
  log "measuring side by side: ${#names[@]} commands"
  hyperfine --style basic -w "$warmup" -r "$runs" \
    --export-json "$results/side-by-side.json" --export-markdown "$results/side-by-side.md" \
    "${arguments[@]}" >&2
}

# One hyperfine run per hook over a repository with $2 sessions and $3 entries: the hooked command
# and the same without hooks.
scale() {
  local size=$1 dir=$work/repos/scale-$1
  new_repo "$dir" sessionhooks
  grow "$dir" "$2" "$3"
  if [ "${4:-}" = archived ]; then
    # What a team that runs 'session archive' has: the ended sessions and their worklogs in
    # .sessions/archive/, the hot files holding the open ones.
    (cd "$dir" && "$hooks/session" archive >/dev/null)
    git -C "$dir" commit -q -m "archive ended sessions"
    git -C "$dir" push -q --no-verify origin main
    git -C "$dir" tag -f base >/dev/null
  fi
  local none
  none=$(no_hooks)
  measure() {
    log "measuring $1"
    hyperfine --style basic -w "$warmup" -r "$runs" --prepare "$2" \
      --export-json "$results/$1.json" --export-markdown "$results/$1.md" \
      -n hooked "$3" -n "without hooks" "$4" >&2
  }
  measure "scale-$size-post-checkout" "$(checkout_prepare "$dir")" "$(checkout_command "$dir")" "$(checkout_command "$dir" "$none")"
  # Each run ended on 'other', the last ones without hooks: back on main with them, whose session the
  # commits and pushes below record to.
  git -C "$dir" switch -q main
  # The switch adds and removes the history's record files, whose cost hides the hook's: the hook
  # alone too, as git starts it after a switch from 'other' to main (a hook program outside a git
  # command does nothing, so git's GIT_EXEC_PATH is given), beside a shell that does nothing.
  local other_tip main_tip
  other_tip=$(git -C "$dir" rev-parse other)
  main_tip=$(git -C "$dir" rev-parse main)
  measure "scale-$size-post-checkout-hook" "true" \
    "cd '$dir' && GIT_EXEC_PATH='$(git --exec-path)' sh .husky/post-checkout $other_tip $main_tip 1" "cd '$dir' && sh -c true"
  measure "scale-$size-pre-commit" "$(commit_prepare "$dir")" "$(commit_command "$dir")" "$(commit_command "$dir" "$none")"
  measure "scale-$size-pre-commit-rewritten" "$(rewritten_prepare "$dir")" "$(commit_command "$dir")" "$(commit_command "$dir" "$none")"
  measure "scale-$size-pre-push" "$(push_prepare "$dir")" "$(push_command "$dir")" "$(push_command "$dir" "$none")"
  measure "scale-$size-pre-push-registry" "$(registry_push_prepare "$dir")" "$(push_command "$dir")" "$(push_command "$dir" "$none")"
}

mean_ms() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .mean * 1000' "$results/$1.json"; }

# A row of the side-by-side table: $1 the command's name, $2 the label; overhead against the same
# command without hooks, or (none measured) the whole command.
row() {
  local name=$1 label=$2 file=side-by-side
  [ -f "$results/$file.json" ] || return 0
  local floor_ms hooked skipped
  floor_ms=$(mean_ms $file floor)
  hooked=$(mean_ms $file "$name")
  skipped=$(mean_ms $file "$name without hooks")
  awk -v l="$label" -v f="$floor_ms" -v h="$hooked" -v s="${skipped:-0}" \
    'BEGIN { o = h - s; printf "| %s | %.1f | %s | %.1f | %.1f | %.2f× |\n", l, f, (s == 0 ? "–" : sprintf("%.1f", s)), h, o, o / f }'
}

scale_row() {
  local small=$1 large=$2 label=$3
  [ -f "$results/$small.json" ] && [ -f "$results/$large.json" ] || return 0
  awk -v l="$label" -v sh="$(mean_ms "$small" hooked)" -v ss="$(mean_ms "$small" "without hooks")" \
    -v lh="$(mean_ms "$large" hooked)" -v ls="$(mean_ms "$large" "without hooks")" \
    'BEGIN { a = sh - ss; b = lh - ls; printf "| %s | %.1f | %.1f | %.2f× |\n", l, a, b, b / a }'
}

table() {
  cat <<EOF
Measured $(date -u +%Y-%m-%d) with \`bench/run.sh\` (BENCH_HOOKS=$hooks_mode, $runs runs after $warmup warmups per command).
Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) memory; $(dotnet --version) SDK, $(git --version), hyperfine $(hyperfine --version | cut -d' ' -f2).

All rows come from one hyperfine run. Overhead = mean of the git command with the hooks − the
same command without hooks (an empty \`core.hooksPath\`); for Husky.Net, the whole
\`dotnet husky run\`. Ratio = overhead ÷ the floor.

| hooks (git command) | floor ms | without hooks ms | with hooks ms | overhead ms | overhead ÷ floor |
|---|---|---|---|---|---|
$(row "sessionhooks post-checkout" "post-checkout (\`git switch\`), target ≤ 0.5× and ≤ lefthook")
$(row "sessionhooks commit" "pre-commit, prepare-commit-msg, commit-msg, post-commit (\`git commit\`), target for pre-commit ≤ 0.5× and ≤ lefthook")
$(row "sessionhooks pre-push" "pre-push (\`git push\`, full validation), target ≤ 1× and ≤ lefthook")
$(row "lefthook post-checkout" "lefthook $lefthook_version post-checkout, empty job")
$(row "lefthook commit" "lefthook $lefthook_version pre-commit, empty job")
$(row "lefthook pre-push" "lefthook $lefthook_version pre-push, empty job")
$(row "husky run" "Husky.Net $husky_version \`dotnet husky run\` of an empty task")
| no-op \`dotnet build\` with the package ÷ without | see docs/msbuild.md | | | | |

Flat in history (targets: post-checkout and \`git commit\` ≤ 1.2×, pre-push ≤ 1.5×):

| hook | overhead ms, 10 sessions / 100 entries | overhead ms, 1,000 sessions / 100,000 entries | ratio |
|---|---|---|---|
$(scale_row scale-small-post-checkout scale-large-post-checkout "post-checkout (\`git switch\`, within its noise)")
$(scale_row scale-small-post-checkout-hook scale-large-post-checkout-hook "post-checkout, the hook alone")
$(scale_row scale-small-pre-commit scale-large-pre-commit "\`git commit\`")
$(scale_row scale-small-pre-commit-rewritten scale-large-pre-commit-rewritten "\`git commit\`, first commit after git rewrote the records (a reset, checkout or merge)")
$(scale_row scale-small-pre-push scale-large-pre-push "pre-push")
$(scale_row scale-small-pre-push-registry scale-large-pre-push-registry "pre-push of a commit that changed \`ai_sessions.json\` (a task added)")
$(scale_row scale-small-post-checkout-hook scale-archived-post-checkout-hook "post-checkout, the hook alone, the ended sessions archived")
$(scale_row scale-small-pre-commit scale-archived-pre-commit "\`git commit\`, the ended sessions archived")
$(scale_row scale-small-pre-commit-rewritten scale-archived-pre-commit-rewritten "\`git commit\` after a reset, the ended sessions archived")
$(scale_row scale-small-pre-push scale-archived-pre-push "pre-push, the ended sessions archived")
$(scale_row scale-small-pre-push-registry scale-archived-pre-push-registry "pre-push of a commit that changed \`ai_sessions.json\`, the ended sessions archived")
EOF
}

wants() { [[ " $only " == *" $1 "* ]]; }

build
wants side-by-side && side_by_side
if wants scale; then
  scale small 10 100
  scale large 1000 100000
  scale archived 1000 100000 archived
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
