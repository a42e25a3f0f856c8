-- Scales the demo's running funding project ×10 for build/bench-funding.sh (not a test): ~5,000 expenses over the
-- project's budget lines, and ~500 held meetings with ~20,000 checked-in registrations (attendances) inside the period
-- of the demo's drafted report. Rows are cloned from demo rows through jsonb so the script needs no column list.
\set ON_ERROR_STOP on
BEGIN;

-- The running application, its drafted report's period.
CREATE TEMP TABLE target AS
SELECT a.id AS application_id, p.id AS report_id, p."from" AS period_from, p."to" AS period_to, a.project_start, a.project_end
FROM funding.applications a
JOIN funding.reporting_periods p ON p.application_id = a.id
JOIN funding.reports r ON r.reporting_period_id = p.id
WHERE a.status = 'Running'
LIMIT 1;

-- 5,000 expenses on the application's budget lines (year × category), dates inside the project period and year.
INSERT INTO funding.expenses (id, application_id, date, year, category, amount, description, receipt_reference, payee, recorded_at)
SELECT gen_random_uuid(), t.application_id, d.day, extract(year FROM d.day)::int, b.category,
       round((10 + random() * 1990)::numeric, 2), 'Beleg ' || g, 'BM-' || g, 'Lieferant ' || (g % 97), now()
FROM target t
CROSS JOIN generate_series(1, 5000) g
CROSS JOIN LATERAL (SELECT year, category FROM funding.budget_lines WHERE application_id = t.application_id
                    ORDER BY year, category OFFSET (g % (SELECT count(*) FROM funding.budget_lines WHERE application_id = t.application_id)) LIMIT 1) b
CROSS JOIN LATERAL (SELECT greatest(make_date(b.year, 1, 1), t.project_start)
                         + (random() * (least(make_date(b.year, 12, 31), t.project_end) - greatest(make_date(b.year, 1, 1), t.project_start)))::int AS day) d;

-- 500 held meetings inside the report's period, cloned from a demo meeting (no series, so no series keys collide).
CREATE TEMP TABLE template_meeting AS SELECT to_jsonb(m) AS row FROM meetings.meetings m WHERE NOT m."IsCancelled" LIMIT 1;
CREATE TEMP TABLE new_meetings AS
SELECT gen_random_uuid() AS id,
       least((t.period_from + (random() * (t.period_to - t.period_from))::int)::timestamp + interval '17 hours', now() - interval '1 day') AT TIME ZONE 'Europe/Berlin' AS starts
FROM target t CROSS JOIN generate_series(1, 500);
INSERT INTO meetings.meetings
SELECT (jsonb_populate_record(NULL::meetings.meetings, tm.row || jsonb_build_object(
    'Id', n.id, 'SeriesId', NULL, 'OccurrenceStart', NULL, 'Number', NULL, 'Title', 'Bench-Treffen',
    'StartsAt', n.starts, 'EndsAt', n.starts + interval '2 hours', 'IsCancelled', false))).*
FROM new_meetings n CROSS JOIN template_meeting tm;

-- 40 checked-in registrations per new meeting (20,000 attendances), cloned from a demo registration with an organisation.
CREATE TEMP TABLE template_registration AS
SELECT to_jsonb(r) AS row FROM meetings.registrations r WHERE r."CheckedInAt" IS NOT NULL AND r."OrganizationId" IS NOT NULL LIMIT 1;
INSERT INTO meetings.registrations
SELECT (jsonb_populate_record(NULL::meetings.registrations, tr.row || jsonb_build_object(
    'Id', gen_random_uuid(), 'MeetingId', n.id, 'PersonId', gen_random_uuid(), 'CheckedInAt', n.starts + interval '5 minutes'))).*
FROM new_meetings n CROSS JOIN generate_series(1, 40) CROSS JOIN template_registration tr;

COMMIT;
ANALYZE;
SELECT application_id, report_id FROM target;
