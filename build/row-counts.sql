-- Exact row count of every table outside PostgreSQL's own schemas, one "schema.table<TAB>count" line each, sorted.
-- Used by build/backup.sh and build/restore.sh to prove a restore complete.
SELECT format('%s.%s', table_schema, table_name) || E'\t' ||
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1;
