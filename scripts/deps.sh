# Installs what the run and test commands need on a fresh Debian machine. Sourced, not run.

_apt_updated=""
_apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "error: $* missing and not root; install with: sudo apt-get install -y $*" >&2
    return 1
  fi
  if [ -z "$_apt_updated" ]; then
    apt-get update -qq >/dev/null
    _apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin_dir() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

ensure_postgres() {
  if [ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ]; then
    return 0
  fi
  echo "Installing PostgreSQL server binaries (apt-get)..." >&2
  # We run private clusters; keep the package from creating and starting its own on port 5432.
  mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  _apt_install postgresql postgresql-contrib
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  echo "Installing Chromium for the browser tests (apt-get)..." >&2
  _apt_install chromium
}
