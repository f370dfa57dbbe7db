#!/bin/sh
# The full reliability counts (SPEC §7): 500 random kill -9s during hook and CLI writes, then
# 8 processes x 100 concurrent 'session log' calls. CI runs smaller counts of the same tests.
#   scripts/fault-injection.sh [kills] [log-calls-per-process]
set -eu
cd "$(dirname "$0")/.."
kills="${1:-500}"
calls="${2:-100}"
artifacts="${SESSIONHOOKS_ARTIFACTS:-/tmp/sessionhooks-reliability}"
project=tests/SessionHooks.Reliability.Tests

dotnet build "$project" --artifacts-path "$artifacts" -v q -nologo >/dev/null
log=$(mktemp)
SESSIONHOOKS_KILL_COUNT="$kills" dotnet test "$project" --artifacts-path "$artifacts" --no-build \
  --filter "FullyQualifiedName~FaultInjectionTests" --logger "console;verbosity=detailed" >"$log" 2>&1 || true
SESSIONHOOKS_LOG_CALLS="$calls" dotnet test "$project" --artifacts-path "$artifacts" --no-build \
  --filter "FullyQualifiedName=SessionHooks.Reliability.Tests.ConcurrencyTests.EightProcessesLoggingAtOnce_LeaveExactlyEveryEntry" \
  --logger "console;verbosity=detailed" >>"$log" 2>&1 || true
# The figures, each result, and the first lines of any failure.
grep -E "^ *(kills:|writers:)" "$log" | sed "s/^ *//" | sort -u
grep -E "^ *(Passed|Failed) [A-Z]" "$log"
grep -A4 "Error Message" "$log" | cut -c1-300
echo "full output: $log"
! grep -qE "^ *Failed [A-Z]" "$log"
