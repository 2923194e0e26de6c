#!/usr/bin/env bash
# Runs KazakhUnrest locally: database, migrations, sample data, scraper service and site.
# With ConnectionStrings__Default set, that PostgreSQL server is used; otherwise a private
# cluster in ./.data/postgres, stopped again when this script exits (Ctrl-C or SIGTERM).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh

PORT="${KU_PORT:-5080}"
URL="http://127.0.0.1:$PORT"
DATA=".data/postgres"
mkdir -p .data

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

ensure_postgres

echo "Building (Release)..."
# One MSBuild run for both programs: the solution filter leaves the test projects out.
dotnet build KazakhUnrest.Run.slnf -c Release -nologo -v q -clp:ErrorsOnly
SCRAPER=(dotnet "$PWD/src/KazakhUnrest.Scraper/bin/Release/net10.0/KazakhUnrest.Scraper.dll")

OWN_DB=""
PIDS=()
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
  echo "Starting the private PostgreSQL cluster in $DATA..."
  OWN_DB=1
  ConnectionStrings__Default="$("${SCRAPER[@]}" db start --data "$DATA")"
  export ConnectionStrings__Default
fi

"${SCRAPER[@]}" migrate
# The bundled sample capture, only into an empty database (it never overwrites real data).
"${SCRAPER[@]}" import --if-empty --sample --outlets samples/outlets.json samples/capture

"${SCRAPER[@]}" service &
PIDS+=($!)
(cd src/KazakhUnrest.Web && exec dotnet bin/Release/net10.0/KazakhUnrest.Web.dll --urls "$URL") &
PIDS+=($!)

# bash's /dev/tcp: a fresh machine may have no curl.
healthy() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
    printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r status <&3
    [[ "$status" == *" 200 "* ]]
  ) 2>/dev/null
}

for _ in $(seq 1 120); do
  if healthy; then
    echo
    echo "KazakhUnrest is running at $URL  (Ctrl-C to stop)"
    break
  fi
  sleep 0.5
done

# Stop everything when either process ends.
wait -n "${PIDS[@]}"
