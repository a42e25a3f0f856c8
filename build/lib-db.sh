# Database connection helpers for build/backup.sh and build/restore.sh (sourced, not run).

# Turns an Npgsql connection string ("Host=…;Port=…;Database=…;Username=…;Password=…") into the PG* variables
# that pg_dump, pg_restore and psql read. Keys are matched case-insensitively, as Npgsql does.
export_pg_env() {
  local conn="$1" pair key value
  IFS=';' read -ra pairs <<<"$conn"
  for pair in "${pairs[@]}"; do
    [ -z "${pair// }" ] && continue
    key=$(printf '%s' "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value="${pair#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|user|userid|"user id") export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
    esac
  done
}

# The connection string Alliance itself uses: the environment first, then the managed database of build/run.sh.
alliance_connection() {
  if [ -n "${ConnectionStrings__Alliance:-}" ]; then
    printf '%s' "$ConnectionStrings__Alliance"
  else
    printf 'Host=127.0.0.1;Port=%s;Database=alliance;Username=postgres' "${ALLIANCE_PG_PORT:-5433}"
  fi
}
