# Installs what the run and test commands need on a fresh Debian machine. Sourced, not run.

_apt_updated=""
# Quiet on success; on failure apt's own output is shown, since it names the actual problem.
_apt() {
  local log status
  log="$(mktemp)"
  DEBIAN_FRONTEND=noninteractive apt-get "$@" >"$log" 2>&1
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "error: apt-get $* failed ($status):" >&2
    tail -n 40 "$log" >&2
  fi
  rm -f "$log"
  return "$status"
}

_apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "error: $* missing and not root; install with: sudo apt-get install -y --no-install-recommends $*" >&2
    return 1
  fi
  if [ -z "$_apt_updated" ]; then
    _apt update -qq || return 1
    _apt_updated=1
  fi
  _apt install -y -qq --no-install-recommends "$@"
}

pg_bin_dir() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# The server binaries for a private cluster; only call this when no server is configured.
ensure_postgres() {
  if [ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ]; then
    return 0
  fi
  echo "Installing PostgreSQL server binaries (apt-get)..." >&2
  if [ "$(id -u)" = 0 ]; then
    # We run private clusters; keep the package from creating and starting its own on port 5432.
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  fi
  _apt_install postgresql postgresql-contrib
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  echo "Installing Chromium for the browser tests (apt-get)..." >&2
  # Fonts are only a recommendation of the package; pages need them to lay out text.
  _apt_install chromium fonts-liberation
}

# Stops the throwaway PostgreSQL clusters whose folder name carries this test run's id (left by test
# processes that were killed) and removes their folders; other runs' and checkouts' clusters stay.
stop_test_clusters() {
  local run_id="$1" tmp="${TMPDIR:-/tmp}" pattern req p dir
  [ -n "$run_id" ] || return 0
  pattern="kazakhunrest-test-pg-$run_id-"
  local patterns=("$pattern")
  # A test cluster whose folder the postgres user could not enter lives under /var/lib/kazakhunrest.
  for req in /var/lib/kazakhunrest/*/requested-path; do
    if [ -f "$req" ] && grep -q "$pattern" "$req"; then
      patterns+=("$(dirname "$req")/postgres ")
    fi
  done
  # The postmaster's command line holds its data folder (-D); SIGINT is PostgreSQL's fast shutdown.
  for p in "${patterns[@]}"; do
    pkill -INT -f "$p" 2>/dev/null || true
  done
  for p in "${patterns[@]}"; do
    for _ in $(seq 1 40); do
      pgrep -f "$p" >/dev/null || break
      sleep 0.25
    done
  done
  for dir in "$tmp/$pattern"*; do
    if [ -e "$dir" ]; then rm -rf -- "$dir"; fi
  done
  for p in "${patterns[@]:1}"; do
    rm -rf -- "$(dirname "$p")"
  done
  return 0
}
