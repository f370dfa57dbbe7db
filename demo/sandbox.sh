#!/usr/bin/env bash
# SessionHooks in a throwaway git repository: builds the 'session' command and the hook
# programs, makes a sandbox repository with a local "remote", installs SessionHooks, and walks
# through a day's work — branch, a logged decision, commits, an amend, a push, a commit made with the hooks off,
# the refused push, 'session recover' and the push that then goes through.
# Usage: bash demo/sandbox.sh [directory]   (default: a new folder under /tmp; kept afterwards)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
sandbox=${1:-$(mktemp -d /tmp/sessionhooks-sandbox.XXXXXX)}
mkdir -p "$sandbox"
sandbox=$(cd "$sandbox" && pwd)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }

step "Building SessionHooks (the session command and the hook programs)"
dotnet build "$here/src/SessionHooks.Cli" -c Release -o "$sandbox/tools" -nologo -v:q >/dev/null
session() { dotnet "$sandbox/tools/session.dll" "$@"; }

# The sandbox's git must not touch the user's own configuration or repositories.
export HOME="$sandbox/home" GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
mkdir -p "$HOME"
git config --global user.name "Sandbox User"
git config --global user.email "sandbox@example.com"
git config --global init.defaultBranch main
git config --global commit.gpgsign false
git config --global advice.detachedHead false

step "A repository with a local remote"
rm -rf "$sandbox/repo" "$sandbox/origin.git"
git init -q --bare "$sandbox/origin.git"
git init -q "$sandbox/repo"
cd "$sandbox/repo"
git remote add origin "$sandbox/origin.git"
echo "# Sandbox" > README.md
git add README.md && git commit -qm "Initial commit"

step "session install"
show session install --hooks-dir "$sandbox/tools"
git add -A && show git commit -qm "Install SessionHooks"
show git push -q -u origin main

step "A feature branch: post-checkout starts its session"
show git checkout -q -b feature/parser
show cat .sessions/current_session.json

step "Work and commit: each commit names its session in a Session-Id trailer"
show session log decision "hand-written parser: error recovery matters more than speed"
mkdir -p src && echo "class Parser {}" > src/Parser.cs
git add src/Parser.cs && show git commit -qm "Add the parser"
echo "class Lexer {}" > src/Lexer.cs
git add src/Lexer.cs && show git commit -qm "Add the lexer"
echo "// tokens" >> src/Lexer.cs
git add src/Lexer.cs && show git commit -q --amend --no-edit
show git log --format='%h %s  [%(trailers:key=Session-Id,valueonly,separator=%x2C)]' main..
echo "Worklog files (written once by the commit that carries them; the decision went with the first commit):"
find .sessions/worklog -name '*.json' | sort | sed 's/^/  /'
show session summary
show git status --short

step "Push: pre-push checks the session files"
show git push -q -u origin feature/parser

step "A commit made with the hooks turned off, then a push that is refused"
echo "hotfix" > hotfix.txt
git add hotfix.txt && show env SESSIONHOOKS=0 git commit -q -m "Quick hotfix"
show git log -1 --format='%h %s  [%(trailers:key=Session-Id,valueonly)]'
if git push -q origin feature/parser; then echo "(unexpected: the push went through)"; fi

step "session recover backfills the commit's entry; the push goes through"
show session recover
show git push -q origin feature/parser
show session status
show session validate

step "Done"
echo "The sandbox is in $sandbox (repository: $sandbox/repo). Remove it with: rm -rf $sandbox"
