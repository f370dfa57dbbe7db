namespace SessionHooks.Install;

/// <summary>
/// The committed launcher, <c>.husky/sessionhooks.sh</c>. Hook files, Husky.Net's task runner and
/// git's merge driver all go through it, so the machine-specific hooks folder lives only in the
/// clone's local git config and a single place decides how a program is started.
/// </summary>
internal static class LauncherScript
{
    public const string FileName = "sessionhooks.sh";

    /// <summary>The launcher's path from the worktree root, as task-runner.json and the merge driver name it.</summary>
    public const string RepoPath = InstallLayout.HuskyFolder + "/" + FileName;

    /// <summary>The first argument of task-runner.json's tasks: <c>sessionhooks.sh task pre-commit …</c>.</summary>
    public const string TaskVerb = "task";

    // POSIX sh only (dash runs it on Debian, Git for Windows' sh elsewhere). Every expansion is
    // quoted and nothing is eval'd, so branch names, paths and arguments pass through untouched.
    // It runs on every checkout, commit and push: the hooks folder is read from a file under the git
    // dir (StatePaths.HooksFolderFile), without starting a process; the git config key is the
    // fallback for clones installed before that file existed (docs/performance.md has the figures).
    public static readonly string Text = Source.ReplaceLineEndings("\n");

    private const string Source = """
        #!/bin/sh
        # SessionHooks launcher, written by 'session install'. The git hooks, Husky.Net's task runner
        # (task-runner.json) and the merge driver call it; it starts a SessionHooks program from the
        # hooks folder 'session install' recorded for this clone (in the git dir, and in the local git
        # config as sessionhooks.hooksdir).
        # Usage: sh .husky/sessionhooks.sh [task] <hook|merge-driver|recover|assistant-hook> [arguments...]

        if [ "$#" -eq 0 ]; then
          echo "SessionHooks: usage: sessionhooks.sh [task] <hook|merge-driver|recover|assistant-hook> [arguments...]" >&2
          exit 2
        fi
        verb=$1
        shift
        task=
        if [ "$verb" = task ] && [ "$#" -gt 0 ]; then
          # A task-runner.json task: the program is told (--task-runner), as it then may have nothing to do.
          task=--task-runner
          verb=$1
          shift
        fi

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
            program="sessionhooks-assistant-hook"
            ;;
          *)
            echo "SessionHooks: unknown hook '$verb'" >&2
            exit 2
            ;;
        esac

        if [ "$program" = session ]; then
          set -- "$verb" ${task:+"$task"} "$@"
        else
          set -- ${task:+"$task"} "$@"
        fi
        # merge-driver and recover are not hooks, so SESSIONHOOKS=0 and HUSKY=0 do not skip them: a merge
        # driver that exits 0 without merging would silently keep only one side of the session files.
        if [ -z "${tool-}" ] && { [ "${SESSIONHOOKS-}" = 0 ] || [ "${HUSKY-}" = 0 ]; }; then
          exit 0
        fi

        # git runs hooks, tasks and merge drivers from the worktree root, where .git is the git dir, or
        # a file naming it (a linked worktree's, whose commondir file leads to the clone's own).
        common=${GIT_COMMON_DIR:-${GIT_DIR:-.git}}
        if [ -f "$common" ] && IFS= read -r line <"$common"; then
          common=${line#gitdir: }
        fi
        if [ -z "${GIT_COMMON_DIR-}" ] && [ -f "$common/commondir" ] && IFS= read -r line <"$common/commondir"; then
          case "$line" in
            /*) common=$line ;;
            *) common=$common/$line ;;
          esac
        fi
        dir=
        if [ -f "$common/sessionhooks/hooksdir" ]; then
          IFS= read -r dir <"$common/sessionhooks/hooksdir"
        fi
        if [ -z "$dir" ]; then
          dir=$(git config --get sessionhooks.hooksdir)
        fi
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

        # Not set up in this clone (a fresh clone), or the hooks folder is gone: name the one command
        # that sets it up, as this repository installs SessionHooks.
        fix="session install"
        for manifest in .config/dotnet-tools.json dotnet-tools.json; do
          if [ -f "$manifest" ] && grep -qi '"sessionhooks\.cli"' "$manifest"; then
            fix="dotnet tool restore && dotnet session install"
          fi
        done
        if [ "$fix" = "session install" ] && grep -qs 'Include="SessionHooks"' ./*.props ./*.*proj ./*/*.*proj ./*/*/*.*proj; then
          fix="dotnet build"
        fi
        if [ "$verb" = pre-push ]; then
          # pre-push is the gate: what this clone committed unchecked would be pushed unchecked.
          echo "SessionHooks pre-push: push refused: the hook programs are not set up in this clone; run: $fix (or push without the checks: git push --no-verify)" >&2
          exit 1
        fi
        echo "SessionHooks: the hook programs are not set up in this clone; run: $fix" >&2
        if [ -n "${tool-}" ]; then
          # A merge driver that fails leaves a conflict for 'session recover'; exiting 0 would lose entries.
          exit 2
        fi
        exit 0

        """;
}
