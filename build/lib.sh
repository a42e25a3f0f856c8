# Shared helpers for build/run.sh and build/test.sh (sourced, not run).

log() { printf '\033[1;34m[alliance]\033[0m %s\n' "$*" >&2; }

# Builds in Release with Roslyn's compiler server: one warm compiler process for every project instead of a new csc
# per project, each of which JIT-compiles the compiler again. This machine's image sets UseSharedCompilation=false in
# the environment; the property on the command line wins. The whole solution from clean: 200–210 s without the server,
# 87–101 s with it (2 cores, 2026-12-02). The server is shut down afterwards, so it neither holds its ~800 MB while the
# tests run nor outlives the script. Arguments: what to build, then extra options.
build_release() {
  local status=0
  dotnet build "$@" -c Release -nologo -v quiet -p:UseSharedCompilation=true || status=$?
  dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true
  return $status
}

# Installs Debian packages that are missing, when we may (root, or passwordless sudo).
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      log "Missing packages: ${missing[*]}. Install them (apt-get install ${missing[*]}) and run again."; return 1
    fi
  fi
  log "Installing ${missing[*]} …"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || { log "PostgreSQL server binaries not found"; return 1; }
  echo "$dir"
}

# Runs a PostgreSQL command as the owner of the data folder (initdb refuses to run as root).
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_postgres DIR PORT [throwaway]  — creates the cluster on first use, starts it, waits until it answers.
start_postgres() {
  local dir="$1" port="$2" mode="${3:-keep}" bin
  bin=$(pg_bindir)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300"
  if [ "$mode" = "throwaway" ]; then
    # Only for throwaway test clusters: durability is not wanted there, speed is.
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  as_pg_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 60 start -o "$opts" >/dev/null
}

stop_postgres() {
  local dir="$1" bin
  bin=$(pg_bindir) || return 0
  [ -f "$dir/data/postmaster.pid" ] && as_pg_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# bench_prepare [PACKAGES…] — for the benchmark scripts: a work folder, two free ports (pg_port, app_port), a
# throwaway PostgreSQL with the database alliance_bench (connection), the host built in Release, and a cleanup on exit
# that stops the host (host_pid, set by the script; a second one in second_pid) and the database.
bench_prepare() {
  work="$(mktemp -d /tmp/alliance-bench.XXXXXX)"
  chmod 755 "$work"  # the postgres user (when run as root) must reach its data folder
  pg_port=$(free_port)
  app_port=$(free_port)
  host_pid=""
  second_pid=""
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM

  ensure_packages postgresql "$@"
  log "Throwaway PostgreSQL on port $pg_port …"
  start_postgres "$work/pg" "$pg_port" throwaway
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE alliance_bench" >/dev/null
  connection="Host=127.0.0.1;Port=$pg_port;Database=alliance_bench;Username=postgres;Maximum Pool Size=200"

  log "Building the host (Release) …"
  build_release src/Host/Alliance.Host >/dev/null
}

bench_cleanup() {
  local pid
  for pid in $host_pid $second_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  stop_postgres "$work/pg"
  rm -rf "$work"
}
