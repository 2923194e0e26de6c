#!/usr/bin/env bash
# Runs every test: unit tests, PostgreSQL-backed tests and browser tests in Chromium.
# Ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh

ensure_postgres || exit 1
ensure_chromium || exit 1

# Every throwaway cluster of this run has the id in its folder name (see PostgresServer.RunId), so the
# clean-up below stops this run's leftovers only, not another checkout's tests or a kept benchmark database.
KU_TEST_RUN_ID="${KU_TEST_RUN_ID:-run$(date +%Y%m%d%H%M%S)p$$}"
export KU_TEST_RUN_ID

rm -rf TestResults
dotnet tool restore >/dev/null
dotnet test KazakhUnrest.sln -c Release --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults
status=$?

# The house style is part of the suite: .editorconfig's rules (braces, field names, usings, whitespace) on every
# file, checked on the build just made. One check, counted as one test.
format_ok=1
mkdir -p TestResults
echo "Checking the code style (dotnet format --verify-no-changes)..."
if ! dotnet format KazakhUnrest.sln --no-restore --verify-no-changes -v q >TestResults/format.log 2>&1; then
  format_ok=0
  echo "style check failed: run 'dotnet format KazakhUnrest.sln' and commit; first findings:" >&2
  head -20 TestResults/format.log >&2
fi

# Leftover throwaway clusters of this run's test processes that were killed.
stop_test_clusters "$KU_TEST_RUN_ID"

passed=0 failed=0 skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$format_ok" -eq 1 ]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any result was written.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
