#!/usr/bin/env bash
# Backs up an Alliance installation into one folder:
#   alliance.dump  the whole database in pg_dump's custom format (every module's schema, the outbox and mail
#                  queue, Hangfire's state and the Data Protection keys, so sign-in cookies and token links stay
#                  valid after a restore)
#   mail.tar.gz    the mail pickup folder (Mail:PickupDirectory), when mails are written as files
#   counts.tsv     the number of rows per table at backup time, which build/restore.sh checks after restoring
# Usage: build/backup.sh [TARGET_FOLDER]   (default: backups/alliance-<UTC time>)
# The database comes from ConnectionStrings__Alliance, otherwise the managed database of build/run.sh.
# The mail folder comes from Mail__PickupDirectory, otherwise .data/mail.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/build/lib.sh"
source "$root/build/lib-db.sh"

target="${1:-$root/backups/alliance-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$target"
export_pg_env "$(alliance_connection)"
mail_dir="${Mail__PickupDirectory:-$root/.data/mail}"

log "Backing up database '$PGDATABASE' on $PGHOST:${PGPORT:-5432} into $target …"
# The dump and the counts see one snapshot, exported by a transaction held open until both are done, so a running
# instance (Hangfire, the outbox) may keep writing while it is backed up and the counts still match the dump.
coproc SNAPSHOT { psql -qAtX -v ON_ERROR_STOP=1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAPSHOT[1]}"
read -r snapshot <&"${SNAPSHOT[0]}"
{ echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '$snapshot';"
  cat "$root/build/row-counts.sql"
  echo "COMMIT;"; } | psql -qAtX -v ON_ERROR_STOP=1 >"$target/counts.tsv"
pg_dump --snapshot="$snapshot" --format=custom --compress=6 --no-owner --file="$target/alliance.dump"
echo "COMMIT;" >&"${SNAPSHOT[1]}"
exec {SNAPSHOT[1]}>&-
wait "$SNAPSHOT_PID" 2>/dev/null || true

if [ -d "$mail_dir" ]; then
  # A running host keeps writing mails: a file that grows or appears while tar reads is not an error (GNU tar then
  # exits 1); the folder's state at that moment is what the backup holds, as with any live folder.
  tar_status=0
  tar --warning=no-file-changed --warning=no-file-removed -czf "$target/mail.tar.gz" -C "$mail_dir" . || tar_status=$?
  if [ "$tar_status" -gt 1 ]; then
    echo "tar failed ($tar_status) while archiving $mail_dir" >&2
    exit "$tar_status"
  fi
fi
log "Backup written: $(du -sh "$target" | cut -f1) in $target"
