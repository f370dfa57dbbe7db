#!/bin/sh
# SessionHooks launcher, written by 'session install'. The git hooks, Husky.Net's task runner
# (task-runner.json) and the merge driver call it; it starts a SessionHooks program from the
# hooks folder recorded in this clone's local git config (sessionhooks.hooksdir).
# Usage: sh .husky/sessionhooks.sh <hook|merge-driver|recover|assistant-hook> [arguments...]

if [ "$#" -eq 0 ]; then
  echo "SessionHooks: usage: sessionhooks.sh <hook|merge-driver|recover> [arguments...]" >&2
  exit 2
fi
verb=$1
shift

case "$verb" in
  post-checkout | pre-commit | pre-push) program="sessionhooks-$verb" ;;
  commit-msg)
    # prepare-commit-msg has usually given the message its trailer already: nothing to start.
    if [ -f "${1-}" ] && grep -q '^Session-Id: ' "$1"; then
      exit 0
    fi
    program="sessionhooks-commit-msg"
    set -- "$verb" "$@"
    ;;
  prepare-commit-msg)
    program="sessionhooks-commit-msg"
    set -- "$verb" "$@"
    ;;
  post-commit | post-rewrite)
    program="sessionhooks-post-commit"
    set -- "$verb" "$@"
    ;;
  pre-merge-commit)
    # git writes MERGE_HEAD only after this hook: tell the program it is a merge.
    program="sessionhooks-pre-commit"
    set -- --merge-commit "$@"
    ;;
  merge-driver | recover) program="session" tool=1 ;;
  assistant-hook)
    # An assistant's hook (install --assistant): skipped like a git hook, and it never fails the assistant.
    program="session"
    ;;
  *)
    echo "SessionHooks: unknown hook '$verb'" >&2
    exit 2
    ;;
esac

if [ "$program" = session ]; then
  set -- "$verb" "$@"
fi
# merge-driver and recover are not hooks, so SESSIONHOOKS=0 and HUSKY=0 do not skip them: a merge
# driver that exits 0 without merging would silently keep only one side of the session files.
if [ -z "${tool-}" ] && { [ "${SESSIONHOOKS-}" = 0 ] || [ "${HUSKY-}" = 0 ]; }; then
  exit 0
fi

dir=$(git config --get sessionhooks.hooksdir)
if [ -n "$dir" ]; then
  # A native hooks folder (linux-x64/ …) holds the hook programs; the session CLI is in the folder above.
  for d in "$dir" "$dir/.."; do
    if [ -f "$d/$program" ] && [ -x "$d/$program" ]; then
      exec "$d/$program" "$@"
    fi
    if [ -f "$d/$program.dll" ] && command -v dotnet >/dev/null 2>&1; then
      exec dotnet "$d/$program.dll" "$@"
    fi
    [ "$program" = session ] || break
  done
fi

echo "SessionHooks: hooks not found; run 'session install'" >&2
if [ -n "${tool-}" ]; then
  # A merge driver that fails leaves a conflict for 'session recover'; exiting 0 would lose entries.
  exit 2
fi
exit 0
