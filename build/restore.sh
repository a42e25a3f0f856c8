#!/usr/bin/env bash
# Restores a backup made by build/backup.sh into a database that must be empty or not yet exist, then checks that
# every table holds as many rows as at backup time.
# Usage: build/restore.sh BACKUP_FOLDER
# The target database comes from ConnectionStrings__Alliance (created when missing), otherwise the managed database
# of build/run.sh; the mail folder from Mail__PickupDirectory, otherwise .data/mail.
# Start the host only after the restore: it then applies any newer migrations as usual.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/build/lib.sh"
source "$root/build/lib-db.sh"

backup="${1:?usage: build/restore.sh BACKUP_FOLDER}"
[ -f "$backup/alliance.dump" ] || { log "No alliance.dump in $backup"; exit 1; }
export_pg_env "$(alliance_connection)"
mail_dir="${Mail__PickupDirectory:-$root/.data/mail}"

database="$PGDATABASE"
if ! PGDATABASE=postgres psql -qAtX -c "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  log "Creating database '$database' …"
  PGDATABASE=postgres psql -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$database\""
fi
# Refuse to restore over data: a restore into a used database would mix two alliances.
used=$(psql -qAtX -c "SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public','information_schema') AND nspname NOT LIKE 'pg\\_%'")
if [ "$used" != "0" ]; then
  log "Database '$database' already has schemas; restore into an empty database."
  exit 1
fi

log "Restoring into '$database' on $PGHOST:${PGPORT:-5432} …"
pg_restore --no-owner --exit-on-error --dbname="$database" "$backup/alliance.dump"

if [ -f "$backup/mail.tar.gz" ]; then
  mkdir -p "$mail_dir"
  tar -xzf "$backup/mail.tar.gz" -C "$mail_dir"
fi

psql -qAtX -v ON_ERROR_STOP=1 -f "$root/build/row-counts.sql" >"$backup/counts.restored.tsv"
if ! diff -u "$backup/counts.tsv" "$backup/counts.restored.tsv"; then
  log "Row counts differ after the restore (see above)."
  exit 1
fi
log "Restored: $(wc -l <"$backup/counts.tsv") tables, every row count equal."
