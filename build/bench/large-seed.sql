-- The "large alliance" of issue 13, added by set-based SQL to a migrated database that holds the demo alliance:
-- 5,000 organisations (with the labs' copies), 25,000 people, 200 labs with 10,000 memberships, 20,000 action items,
-- 3,000 meetings with 150,000 registrations (the first meeting has 500 of them). Everything is deterministic
-- (md5 of the row number), so two runs measure the same data. Used by build/bench.sh; not part of any test.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_words(kind text, i int, word text);
INSERT INTO bench_words
SELECT 'first', ordinality - 1, w FROM unnest(ARRAY['Anna','Jürgen','Özlem','Lukas','Marie','Bärbel','Felix','Sophie','Ümit','Jonas',
  'Lea','Matthias','Zoë','Hannah','Ole','Ida','Björn','Greta','Tobias','Änne']) WITH ORDINALITY AS t(w, ordinality)
UNION ALL
SELECT 'last', ordinality - 1, w FROM unnest(ARRAY['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann',
  'Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Zimmermann','Braun','Krüger','Hofmann','Hartmann',
  'Lange','Schmitt','Werner','Krause','Meier','Lehmann','Öztürk','Çelik','Ahrens','Übel','Zöllner','Bäcker','Dietrich','Engel','Franke','Götz'])
  WITH ORDINALITY AS t(w, ordinality)
UNION ALL
SELECT 'sector', ordinality - 1, w FROM unnest(ARRAY['Handwerk','Einzelhandel','Gastronomie','Logistik','Bildung','Gesundheit','Energie',
  'Bauwesen','Medien','Software','Landwirtschaft','Textil','Tourismus','Verwaltung','Forschung','Kultur','Sport','Soziales','Finanzen','Mobilität'])
  WITH ORDINALITY AS t(w, ordinality)
UNION ALL
SELECT 'district', ordinality - 1, w FROM unnest(ARRAY['Altstadt','Nordstadt','Südstadt','Weststadt','Oststadt','Hafen','Bahnhofsviertel',
  'Überseeviertel','Gartenstadt','Flussufer']) WITH ORDINALITY AS t(w, ordinality)
UNION ALL
SELECT 'kind', ordinality - 1, w FROM unnest(ARRAY['GmbH','e. V.','AG','KG','Stiftung','eG','Werkstatt','Institut','Schule','Amt'])
  WITH ORDINALITY AS t(w, ordinality);
CREATE INDEX ON bench_words(kind, i);

-- Organisations: about 95 % active, as in a real alliance (4,750 of 5,000).
CREATE TEMP TABLE bench_orgs AS
SELECT n,
       md5('org' || n)::uuid AS id,
       format('%s %s %s %s', (SELECT word FROM bench_words WHERE kind = 'last' AND i = n % 40),
              (SELECT word FROM bench_words WHERE kind = 'sector' AND i = (n / 40) % 20), n,
              (SELECT word FROM bench_words WHERE kind = 'kind' AND i = n % 10)) AS name,
       n % 7 AS partner_group,
       (SELECT word FROM bench_words WHERE kind = 'sector' AND i = n % 20) AS sector,
       (SELECT word FROM bench_words WHERE kind = 'district' AND i = n % 10) AS district,
       n % 20 <> 0 AS active
FROM generate_series(0, 4999) AS n;

INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "Sector", "SizeClass", "EmployeeCount", "District",
  "Street", "PostalCode", "City", "Website", "MemberSince", "MemberUntil", "IsActive", "CreatedAt", "UpdatedAt", "Revision")
SELECT id, name, upper(name), partner_group, sector, n % 5, 5 + n % 500, district,
       format('Hauptstraße %s', n % 200 + 1), lpad((10000 + n % 89999)::text, 5, '0'), 'Musterstadt', NULL,
       DATE '2020-01-01' + (n % 1500), CASE WHEN active THEN NULL ELSE DATE '2025-06-30' END, active, now(), now(), 1
FROM bench_orgs;

INSERT INTO labs.organizations ("Id", "Name", "PartnerGroup", "SourceVersion")
SELECT id, name, partner_group, 1 FROM bench_orgs;

-- People: five per organisation, 80 % agreed to show their name.
CREATE TEMP TABLE bench_people AS
SELECT p AS n,
       md5('person' || p)::uuid AS id,
       (SELECT word FROM bench_words WHERE kind = 'first' AND i = p % 20) AS first_name,
       (SELECT word FROM bench_words WHERE kind = 'last' AND i = (p / 20) % 40) AS last_name,
       p / 5 AS org_n,
       p % 5 <> 0 AS name_visible
FROM generate_series(0, 24999) AS p;
ALTER TABLE bench_people ADD PRIMARY KEY (n);

INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "Phone", "Function", "OrganizationId", "PreferredLanguage",
  "ConsentContactByEmail", "ConsentContactByEmailAt", "ConsentNameVisible", "ConsentNameVisibleAt", "CreatedAt", "UpdatedAt", "ErasedAt", "Revision")
SELECT p.id, p.first_name, p.last_name, format('person%s@bench.example', p.n), '+49 30 ' || (1000000 + p.n), 'Ansprechperson',
       o.id, CASE WHEN p.n % 10 = 0 THEN 'en' ELSE 'de' END, true, now(), p.name_visible, CASE WHEN p.name_visible THEN now() END,
       now(), now(), NULL, 1
FROM bench_people p JOIN bench_orgs o ON o.n = p.org_n;

-- 200 labs, each with 50 member organisations (10,000 memberships), in the first action field of the demo.
INSERT INTO labs.labs ("Id", "Title", "ActionFieldId", "Description", "Goals", "Kind", "Status", "StartsOn", "EndsOn", "RequiredPartnerGroups", "CreatedAt")
SELECT md5('lab' || l)::uuid, format('Bench-Reallabor %s', l), (SELECT "Id" FROM labs.action_fields ORDER BY "Title" LIMIT 1),
       'Ein Reallabor der Lastmessung.', 'Messen.', 0, 1, DATE '2025-01-01', NULL, '{0,1,2}', now()
FROM generate_series(0, 199) AS l;

INSERT INTO labs.memberships ("Id", "LabId", "OrganizationId", "Role", "RequestId", "JoinedAt", "LeftAt")
SELECT md5('membership' || l || '-' || k)::uuid, md5('lab' || l)::uuid, md5('org' || ((l * 50 + k) % 5000))::uuid,
       CASE WHEN k = 0 THEN 0 ELSE 1 END, NULL, now() - interval '100 days', NULL
FROM generate_series(0, 199) AS l, generate_series(0, 49) AS k;

-- 20,000 action items in the labs, owned by the labs' member people; 70 % open.
INSERT INTO labs.action_items ("Id", "LabId", "Title", "OwnerPersonId", "OwnerOrganizationId", "DueDate", "Status", "Source",
  "MeetingId", "DecisionId", "MeetingTitle", "SourceLink", "CreatedByPersonId", "CreatedAt", "UpdatedAt", "SourceActionItemId")
SELECT md5('action' || a)::uuid, md5('lab' || (a % 200))::uuid, format('Aufgabe %s', a),
       md5('person' || (((a % 200) * 50 + a % 50) % 5000 * 5))::uuid, md5('org' || (((a % 200) * 50 + a % 50) % 5000))::uuid,
       CURRENT_DATE + (a % 120 - 30), CASE WHEN a % 10 < 7 THEN 0 ELSE 1 END, 0, NULL, NULL, NULL, NULL, NULL, now(), now(), NULL
FROM generate_series(0, 19999) AS a;

-- 60 of them owned by the office's demo login, so "my action items" has a page to show.
INSERT INTO labs.action_items ("Id", "LabId", "Title", "OwnerPersonId", "OwnerOrganizationId", "DueDate", "Status", "Source",
  "MeetingId", "DecisionId", "MeetingTitle", "SourceLink", "CreatedByPersonId", "CreatedAt", "UpdatedAt", "SourceActionItemId")
SELECT md5('office-action' || a)::uuid, md5('lab' || (a % 200))::uuid, format('Aufgabe der Geschäftsstelle %s', a),
       (SELECT "Id" FROM members.people WHERE "Email" = 'geschaeftsstelle@allianz.example'), NULL,
       CURRENT_DATE + (a % 60 - 10), 0, 0, NULL, NULL, NULL, NULL, NULL, now(), now(), NULL
FROM generate_series(0, 59) AS a;

-- 3,000 meetings from two years back to one year ahead; every third one belongs to a lab.
INSERT INTO meetings.meetings ("Id", "SeriesId", "OccurrenceStart", "Number", "Title", "Kind", "StartsAt", "EndsAt", "TimeZone", "Place",
  "OnlineLink", "Capacity", "DelegateLimit", "Audience", "LabId", "AudienceOrganizationIds", "ReminderDaysBefore", "TopicDeadline",
  "IsDetached", "IsCancelled", "InvitedAt", "MinutesStatus", "MinutesSummary", "MinutesApprovedAt", "Sequence", "CreatedAt", "ChangedAt")
SELECT md5('meeting' || m)::uuid, NULL, NULL, NULL, format('Bench-Treffen %s', m), CASE WHEN m % 3 = 0 THEN 1 ELSE 0 END,
       date_trunc('hour', now()) - interval '730 days' + m * interval '8 hours 45 minutes',
       date_trunc('hour', now()) - interval '730 days' + m * interval '8 hours 45 minutes' + interval '2 hours',
       'Europe/Berlin', 'Rathaus, Saal 1', NULL, CASE WHEN m = 0 THEN 1000 ELSE 200 END, NULL,
       CASE WHEN m % 3 = 0 THEN 1 ELSE 0 END, CASE WHEN m % 3 = 0 THEN md5('lab' || (m % 200))::uuid END, '{}', '{}', NULL,
       false, false, now(), 0, NULL, NULL, 0, now(), now()
FROM generate_series(0, 2999) AS m;

-- 150,000 registrations: 500 for the first meeting (the "meeting with 500 registrations"), about 50 for each other one.
-- Person r·7919 mod 25,000 is unique within a meeting (7919 is prime to 25,000 and a meeting's rows are 2,999 apart).
CREATE TEMP TABLE bench_registrations AS
SELECT r, CASE WHEN r < 500 THEN 0 ELSE 1 + (r - 500) % 2999 END AS meeting_n, (r::bigint * 7919 % 25000)::int AS person_n
FROM generate_series(0, 149999) AS r;

INSERT INTO meetings.registrations ("Id", "MeetingId", "PersonId", "OrganizationId", "PersonName", "OrganizationName", "PartnerGroup",
  "Email", "Language", "Status", "WaitlistPosition", "RespondedAt", "CheckedInAt", "IsWalkIn", "IsErased", "CreatedAt",
  "NameVisibleToMembers", "PersonVersion")
SELECT md5('registration' || b.r)::uuid, md5('meeting' || b.meeting_n)::uuid, p.id, o.id, p.first_name || ' ' || p.last_name, o.name,
       o.partner_group, format('person%s@bench.example', p.n), 'de', CASE WHEN b.r % 25 = 0 THEN 4 ELSE 1 END, NULL, now(), NULL,
       false, false, now(), p.name_visible, 1
FROM bench_registrations b JOIN bench_people p ON p.n = b.person_n JOIN bench_orgs o ON o.n = p.org_n;

-- A calendar feed for a regular attendee (the feed the benchmark polls). The spread above gives every person 6
-- registrations; a feed lists only those with Status 1 = Registered, and person 0 (the first by count before) has all 6
-- on rows r ≡ 0 mod 25 (r·7919 ≡ 0 mod 25,000), i.e. cancelled (4) — the benchmark polled an empty feed (118 bytes).
-- The feed person is the one with the most registrations that count, and gets 18 more, one every 166 meetings over
-- the three years (past and upcoming), so the feed holds 24 meetings, as a calendar of someone active in the alliance.
CREATE TEMP TABLE bench_feed_person AS
SELECT person_n FROM bench_registrations WHERE r % 25 <> 0 GROUP BY person_n ORDER BY count(*) DESC, person_n LIMIT 1;

INSERT INTO meetings.registrations ("Id", "MeetingId", "PersonId", "OrganizationId", "PersonName", "OrganizationName", "PartnerGroup",
  "Email", "Language", "Status", "WaitlistPosition", "RespondedAt", "CheckedInAt", "IsWalkIn", "IsErased", "CreatedAt",
  "NameVisibleToMembers", "PersonVersion")
SELECT md5('feed-registration' || m)::uuid, md5('meeting' || m)::uuid, p.id, o.id, p.first_name || ' ' || p.last_name, o.name,
       o.partner_group, format('person%s@bench.example', p.n), 'de', 1, NULL, now(), NULL, false, false, now(), p.name_visible, 1
FROM generate_series(83, 2999, 166) AS m, bench_feed_person f JOIN bench_people p ON p.n = f.person_n JOIN bench_orgs o ON o.n = p.org_n
WHERE NOT EXISTS (SELECT 1 FROM bench_registrations b WHERE b.person_n = f.person_n AND b.meeting_n = m);

INSERT INTO meetings.calendar_feeds ("PersonId", "Token", "CreatedAt")
SELECT md5('person' || person_n)::uuid, md5('feed' || person_n) || md5('feed2' || person_n), now()
FROM bench_feed_person;

COMMIT;
VACUUM ANALYZE members.organizations, members.people, labs.organizations, labs.labs, labs.memberships, labs.action_items,
  meetings.meetings, meetings.registrations, meetings.calendar_feeds;
