-- Seeds the benchmark survey into a throwaway database that already holds Alliance's schema (the host migrated it).
-- 50,000 submitted responses × 40 questions ≈ 2,000,000 answers, all by set-based SQL (generate_series).
-- Questions: 10 single choice (4 options, "other"), 6 multiple choice (5 options), 2 yes/no, 10 scales 1–5,
-- 4 numbers, 4 short texts, 2 dates, 2 matrices (3 rows × scale 1–5); about 44 answers per response.
-- psql variables: :responses (default 50000), :invitations_open (invitations with known tokens for the submit test).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

DELETE FROM surveys.answer_tallies WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');
DELETE FROM surveys.response_tallies WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');
DELETE FROM surveys.value_buckets WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');
DELETE FROM surveys.value_tallies WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');
DELETE FROM surveys.answers WHERE response_id IN (SELECT id FROM surveys.responses WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002'));
DELETE FROM surveys.responses WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');
DELETE FROM surveys.invitations WHERE survey_id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');
DELETE FROM surveys.surveys WHERE id IN ('b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002');

-- Survey 1: the closed survey with the volume. Survey 2: an open copy that the concurrent respondents answer.
INSERT INTO surveys.surveys (id, series_id, wave, previous_wave_id, title_de, title_en, status, anonymous, response_unit,
                             opens_on, closes_on, reminder_max, reminder_interval_days, min_group_size, audience, created_at, published_at)
SELECT s.id, s.id, 1, NULL, s.title, s.title, s.status, false, 'Organization',
       current_date - 30, current_date + 30, 2, 7, 5,
       '{"ByAttributes":false,"LabIds":[],"OrganizationIds":[],"PartnerGroups":[],"PersonIds":[],"Sectors":[],"SizeClasses":[]}'::jsonb,
       now(), now()
FROM (VALUES ('b0000000-0000-0000-0000-000000000001'::uuid, 'Benchmark: 50.000 Antworten', 'Closed'),
             ('b0000000-0000-0000-0000-000000000002'::uuid, 'Benchmark: gleichzeitiges Antworten', 'Published')) s(id, title, status);

INSERT INTO surveys.sections (id, survey_id, position, title_de, title_en)
SELECT ('b1000000-0000-0000-0000-00000000000' || s)::uuid, ('b0000000-0000-0000-0000-00000000000' || s)::uuid, 1, 'Teil 1', 'Part 1'
FROM generate_series(1, 2) s;

-- Question q (1..40) of survey s: id b2..-s-q; option o of it: id b3..-s-q-o.
CREATE TEMP TABLE bench_questions AS
SELECT s, q, ('b2000000-0000-0000-000' || s || '-' || lpad(q::text, 12, '0'))::uuid AS id,
       CASE WHEN q <= 10 THEN 'SingleChoice' WHEN q <= 16 THEN 'MultipleChoice' WHEN q <= 18 THEN 'YesNo'
            WHEN q <= 28 THEN 'Scale' WHEN q <= 32 THEN 'Number' WHEN q <= 36 THEN 'ShortText'
            WHEN q <= 38 THEN 'Date' ELSE 'Matrix' END AS kind
FROM generate_series(1, 2) s, generate_series(1, 40) q;

INSERT INTO surveys.questions (id, survey_id, section_id, position, kind, text_de, text_en, required, allow_other,
                               scale_min, scale_max, number_min, number_max)
SELECT id, ('b0000000-0000-0000-0000-00000000000' || s)::uuid, ('b1000000-0000-0000-0000-00000000000' || s)::uuid, q, kind,
       'Frage ' || q, 'Question ' || q, false, kind = 'SingleChoice',
       CASE WHEN kind IN ('Scale', 'Matrix') THEN 1 END, CASE WHEN kind IN ('Scale', 'Matrix') THEN 5 END,
       CASE WHEN kind = 'Number' THEN 0 END, CASE WHEN kind = 'Number' THEN 10000 END
FROM bench_questions;

CREATE TEMP TABLE bench_options AS
SELECT b.s, b.q, o, ('b3000000-0000-0000-000' || b.s || '-' || lpad((b.q * 10 + o)::text, 12, '0'))::uuid AS id,
       b.id AS question_id, b.kind
FROM bench_questions b
CROSS JOIN LATERAL generate_series(1, CASE b.kind WHEN 'SingleChoice' THEN 4 WHEN 'MultipleChoice' THEN 5 WHEN 'YesNo' THEN 2 WHEN 'Matrix' THEN 3 ELSE 0 END) o;

INSERT INTO surveys.options (id, question_id, position, label_de, label_en, role)
SELECT id, question_id, o, 'Antwort ' || o, 'Answer ' || o, CASE WHEN kind = 'Matrix' THEN 'MatrixRow' ELSE 'Choice' END
FROM bench_options;

-- tallied: the seed counts these responses into the tallies itself below.
INSERT INTO surveys.responses (id, survey_id, organization_id, person_id, partner_group, sector, size_class, submitted_on, tallied)
SELECT gen_random_uuid(), 'b0000000-0000-0000-0000-000000000001', gen_random_uuid(), NULL,
       (ARRAY['Company','Company','Company','Science','Administration','Chamber','CivilSociety','School'])[1 + (i % 8)],
       (ARRAY['Handwerk','Handel','Industrie','Dienstleistung','Gastronomie','IT','Logistik','Bau','Gesundheit'])[1 + (i % 9)],
       (ARRAY['Micro','Small','Medium','Large','Unknown'])[1 + (i % 5)],
       current_date - (i % 30), true
FROM generate_series(1, :responses) i;

-- One row per (response, question) for most kinds; multiple choice: each option with 20 %; matrix: one row per row.
INSERT INTO surveys.answers (id, response_id, question_id, option_id, row_option_id, scale_value, number_value, text_value, date_value)
SELECT gen_random_uuid(), r.id, q.id,
       CASE WHEN q.kind = 'SingleChoice' AND x.k > 0 THEN ('b3000000-0000-0000-0001-' || lpad((q.q * 10 + x.k)::text, 12, '0'))::uuid
            WHEN q.kind IN ('MultipleChoice', 'YesNo') THEN ('b3000000-0000-0000-0001-' || lpad((q.q * 10 + x.k)::text, 12, '0'))::uuid END,
       CASE WHEN q.kind = 'Matrix' THEN ('b3000000-0000-0000-0001-' || lpad((q.q * 10 + x.k)::text, 12, '0'))::uuid END,
       CASE WHEN q.kind IN ('Scale', 'Matrix') THEN 1 + floor(random() * 5)::int END,
       CASE WHEN q.kind = 'Number' THEN round((random() * 500)::numeric, 1) END,
       CASE WHEN q.kind = 'ShortText' THEN 'Antwort ' || floor(random() * 1000)::int
            WHEN q.kind = 'SingleChoice' AND x.k = 0 THEN 'Sonstiges ' || floor(random() * 100)::int END,
       CASE WHEN q.kind = 'Date' THEN date '2020-01-01' + floor(random() * 2000)::int END
FROM surveys.responses r
CROSS JOIN bench_questions q
CROSS JOIN LATERAL (
    SELECT CASE q.kind WHEN 'SingleChoice' THEN floor(random() * 4.2)::int WHEN 'YesNo' THEN 1 + floor(random() * 2)::int ELSE g END AS k
    FROM generate_series(1, CASE WHEN q.kind = 'MultipleChoice' THEN 5 WHEN q.kind = 'Matrix' THEN 3 ELSE 1 END) g
    WHERE q.kind <> 'MultipleChoice' OR random() < 0.2) x
WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001' AND q.s = 1;

-- The pre-aggregated tallies the results read (the host keeps them on every save; set-based SQL must do it itself —
-- the same statements as AnswerTallies.AddSql in Surveys/Persistence/AnswerTallies.cs, for the seeded survey).
INSERT INTO surveys.answer_tallies AS t (survey_id, question_id, option_id, row_option_id, scale_value, respondents, partner_group, sector, size_class, n)
SELECT r.survey_id, a.question_id, a.option_id, a.row_option_id, a.scale_value, false, r.partner_group, r.sector, r.size_class, count(*)::int
FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001' AND (a.option_id IS NOT NULL OR a.scale_value IS NOT NULL OR a.text_value IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5, 7, 8, 9
UNION ALL
SELECT r.survey_id, d.question_id, NULL, NULL, NULL, true, r.partner_group, r.sector, r.size_class, count(*)::int
FROM (SELECT DISTINCT a.question_id, a.response_id FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001') d
JOIN surveys.responses r ON r.id = d.response_id
GROUP BY 1, 2, 7, 8, 9
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ON CONFLICT (survey_id, question_id, option_id, row_option_id, scale_value, respondents, partner_group, sector, size_class) DO UPDATE SET n = t.n + EXCLUDED.n;

INSERT INTO surveys.value_buckets AS t (survey_id, breakdown, question_id, grp, bucket, n, total, lowest, highest, earliest, latest)
SELECT r.survey_id, g.breakdown, a.question_id, g.grp, coalesce(surveys.number_bucket(a.number_value), 0), count(*)::int,
       sum(a.number_value), min(a.number_value), max(a.number_value), min(a.date_value), max(a.date_value)
FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
CROSS JOIN LATERAL (VALUES ('None', ''), ('PartnerGroup', coalesce(r.partner_group, '')), ('Sector', coalesce(r.sector, '')), ('SizeClass', coalesce(r.size_class, ''))) g(breakdown, grp)
WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001' AND (a.number_value IS NOT NULL OR a.date_value IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (survey_id, breakdown, question_id, grp, bucket) DO UPDATE
SET n = t.n + EXCLUDED.n, total = t.total + EXCLUDED.total, lowest = least(t.lowest, EXCLUDED.lowest),
    highest = greatest(t.highest, EXCLUDED.highest), earliest = least(t.earliest, EXCLUDED.earliest), latest = greatest(t.latest, EXCLUDED.latest);

INSERT INTO surveys.value_tallies AS t (survey_id, breakdown, question_id, grp, bucket, number_value, n)
SELECT r.survey_id, g.breakdown, a.question_id, g.grp, surveys.number_bucket(a.number_value), a.number_value, count(*)::int
FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
CROSS JOIN LATERAL (VALUES ('None', ''), ('PartnerGroup', coalesce(r.partner_group, '')), ('Sector', coalesce(r.sector, '')), ('SizeClass', coalesce(r.size_class, ''))) g(breakdown, grp)
WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001' AND a.number_value IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6
ON CONFLICT (survey_id, breakdown, question_id, grp, bucket, number_value) DO UPDATE SET n = t.n + EXCLUDED.n;

INSERT INTO surveys.response_tallies AS t (survey_id, partner_group, sector, size_class, n)
SELECT r.survey_id, r.partner_group, r.sector, r.size_class, count(*)::int
FROM surveys.responses r
WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001'
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4
ON CONFLICT (survey_id, partner_group, sector, size_class) DO UPDATE SET n = t.n + EXCLUDED.n;

-- Invitations: as many as responses for the closed survey (response rate), and known tokens for the open one
-- (token 'bench-<n>'; the link stores only its SHA-256).
INSERT INTO surveys.invitations (id, survey_id, token_hash, token_protected, organization_id, person_id, answered, reminders_sent, invited_at, mail_recipients)
SELECT gen_random_uuid(), 'b0000000-0000-0000-0000-000000000001', sha256(('closed-' || i)::bytea), 'bench', gen_random_uuid(), NULL, true, 0, now(), 1
FROM generate_series(1, :responses + :responses / 4) i;

INSERT INTO surveys.invitations (id, survey_id, token_hash, token_protected, organization_id, person_id, answered, reminders_sent, invited_at, mail_recipients)
SELECT gen_random_uuid(), 'b0000000-0000-0000-0000-000000000002', sha256(('bench-' || i)::bytea), 'bench', gen_random_uuid(), NULL, false, 0, now(), 1
FROM generate_series(1, :invitations_open) i;

ANALYZE surveys.responses;
ANALYZE surveys.answers;
ANALYZE surveys.invitations;
ANALYZE surveys.answer_tallies;
ANALYZE surveys.response_tallies;
ANALYZE surveys.value_buckets;
ANALYZE surveys.value_tallies;
SELECT (SELECT count(*) FROM surveys.responses WHERE survey_id = 'b0000000-0000-0000-0000-000000000001') AS responses,
       (SELECT count(*) FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
         WHERE r.survey_id = 'b0000000-0000-0000-0000-000000000001') AS answers;
