#!/usr/bin/env bash
# Runs KazakhUnrest locally: database, migrations, sample data, scraper service and site.
# With ConnectionStrings__Default set, that PostgreSQL server is used; otherwise a private
# cluster in ./.data/postgres (or, when root runs this from a folder the postgres user cannot
# enter, in /var/lib/kazakhunrest/<hash of that path>), stopped again when this script exits
# (Ctrl-C or SIGTERM). The scraper's and the site's output also goes to ./.data/logs/.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh

PORT="${KU_PORT:-5080}"
URL="http://127.0.0.1:$PORT"
START_TIMEOUT="${KU_START_TIMEOUT:-120}"
DATA=".data/postgres"
LOGS="$PWD/.data/logs"
mkdir -p .data "$LOGS"

# One instance per checkout: a second run must not touch the first one's database or port.
exec 9>.data/run.lock
if ! flock -n 9; then
  echo "KazakhUnrest is already running from this folder (see $URL); stop it first (Ctrl-C in its terminal)." >&2
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT on 127.0.0.1 is already taken by another program; free it or set KU_PORT." >&2
  exit 1
fi

# A configured server needs no server binaries here.
if [ -z "${ConnectionStrings__Default:-}" ]; then
  ensure_postgres
fi

echo "Building (Release)..."
# One MSBuild run for both programs: the solution filter leaves the test projects out.
dotnet build KazakhUnrest.Run.slnf -c Release -nologo -v q -clp:ErrorsOnly
SCRAPER=(dotnet "$PWD/src/KazakhUnrest.Scraper/bin/Release/net10.0/KazakhUnrest.Scraper.dll")

OWN_DB=""
PIDS=()
NAMES=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$OWN_DB" ]; then
    echo "Stopping PostgreSQL..."
    "${SCRAPER[@]}" db stop --data "$DATA" || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${ConnectionStrings__Default:-}" ]; then
  # `db start` says on stderr where the data is; stdout is the connection string.
  echo "Starting the private PostgreSQL cluster..."
  OWN_DB=1
  ConnectionStrings__Default="$("${SCRAPER[@]}" db start --data "$DATA")"
  export ConnectionStrings__Default
fi

"${SCRAPER[@]}" migrate
# Accounts are made by an admin; the very first one only from the command line.
HAS_ADMIN=1
"${SCRAPER[@]}" users has-admin || HAS_ADMIN=""
# The bundled sample capture, only into an empty database (it never overwrites real data).
"${SCRAPER[@]}" import --if-empty --sample --outlets samples/outlets.json samples/capture

# Output goes to the terminal and to a log per program (kept for the last lines when something fails).
"${SCRAPER[@]}" service > >(tee "$LOGS/scraper.log") 2>&1 &
PIDS+=($!)
NAMES+=(scraper)
(cd src/KazakhUnrest.Web && exec dotnet bin/Release/net10.0/KazakhUnrest.Web.dll --urls "$URL") > >(tee "$LOGS/web.log") 2>&1 &
PIDS+=($!)
NAMES+=(site)

log_of() { echo "$LOGS/$([ "$1" = site ] && echo web || echo scraper).log"; }
last_lines() {
  echo "Last lines of $1:" >&2
  if [ -s "$1" ]; then tail -n 40 "$1" >&2; else echo "  (nothing written yet)" >&2; fi
}

# Says which program ended and how; returns 0 when none has.
report_ended() {
  local i code
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      code=0
      wait "${PIDS[$i]}" || code=$?
      echo >&2
      echo "error: the ${NAMES[$i]} exited (code $code); stopping the rest." >&2
      last_lines "$(log_of "${NAMES[$i]}")"
      return 1
    fi
  done
  return 0
}

# bash's /dev/tcp: a fresh machine may have no curl.
healthy() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
    printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r -t 5 status <&3
    [[ "$status" == *" 200 "* ]]
  ) 2>/dev/null
}

echo "Waiting for the site at $URL/healthz (up to $START_TIMEOUT s)..."
started=$SECONDS
next_note=5
until healthy; do
  report_ended || exit 1
  waited=$((SECONDS - started))
  if [ "$waited" -ge "$START_TIMEOUT" ]; then
    echo >&2
    echo "error: timed out: $URL/healthz did not answer within $START_TIMEOUT s (KU_START_TIMEOUT to wait longer)." >&2
    last_lines "$LOGS/web.log"
    echo "(the scraper's output is in $LOGS/scraper.log)" >&2
    exit 1
  fi
  if [ "$waited" -ge "$next_note" ]; then
    echo "still waiting for the site ($waited s)..."
    next_note=$((next_note + 5))
  fi
  sleep 1
done
echo
echo "KazakhUnrest is running at $URL  (Ctrl-C to stop; logs in $LOGS)"
if [ -z "$HAS_ADMIN" ]; then
  # Reading needs no account; editing does. Say how to make the first admin (the password is printed once).
  DLL=src/KazakhUnrest.Scraper/bin/Release/net10.0/KazakhUnrest.Scraper.dll
  echo
  echo "No admin account yet. Create the first one from this folder (a password is generated and printed once; pipe one in to choose it):"
  if [ -n "$OWN_DB" ]; then
    # `db start` finds the running private cluster and prints its connection string (no password shown here).
    echo "  ConnectionStrings__Default=\"\$(dotnet $DLL db start)\" dotnet $DLL users add YOU@EXAMPLE.ORG --role admin"
  else
    echo "  dotnet $DLL users add YOU@EXAMPLE.ORG --role admin   (with the same ConnectionStrings__Default)"
  fi
  echo "then sign in at $URL/accounts/sign-in and add the others at $URL/accounts."
fi

# Stop everything when either process ends.
set +e
wait -n "${PIDS[@]}"
report_ended
exit 1
