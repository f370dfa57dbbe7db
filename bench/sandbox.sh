# Sourced by the bench scripts: a sandbox repository with one commit made with the hooks skipped.
# Usage: sandbox_repo <dir>
sandbox_repo() {
  local dir=$1
  git init -q -b main "$dir"
  git -C "$dir" config user.name Bench
  git -C "$dir" config user.email bench@example.com
  git -C "$dir" config commit.gpgsign false
  printf '# sandbox\n' >"$dir/README.md"
  printf 'line\n' >"$dir/file.txt"
  SESSIONHOOKS=0 git -C "$dir" add -A
  SESSIONHOOKS=0 git -C "$dir" commit -q -m "initial commit"
}
