using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Xunit.Abstractions;

namespace Alliance.Host.Tests;

/// <summary>
/// Issue 13, "page weight flat as the alliance grows": the people list and every form with a picker of people,
/// organisations, labs, proposals, funding calls or offers weigh the same with 1,000 organisations, 5,000 people, 200 labs,
/// 500 proposals, 100 open calls and 500 open offers as with twice that, stay under a bound and name none of the grown rows — pickers search as you type and
/// lists are paged, so no page carries a whole table. The lab page (its "new action item" form's owner picker) weighs
/// the same when each of its member organisations gains 20 contacts and then 20 more. (Before the pickers the people page carried every active
/// organisation in its filter, /labs/new every contact: 19 KB → 434 KB and 2.4 MB on 5,000 organisations; the meeting
/// forms listed every lab, 200 in the large seed, the proposal answer form every lab and up to 200 proposals, the new
/// application form every open call, a need's match form every open offer, cut at 200, the lab page every contact of
/// its member organisations: 240 on a lab of 50 organisations.) The
/// alliance grows by set-based SQL, a second each step.
/// </summary>
// Own host: it grows the alliance step by step and weighs pages at each size.
public sealed class PageWeightTests(AllianceApp app, ITestOutputHelper output) : IClassFixture<AllianceApp>
{
    /// <summary>No page here comes near it with one page of rows; a page with a whole table of 1,000 names does.</summary>
    private const int MaxPageBytes = 64 * 1024;

    /// <summary>What may differ between the two sizes: numbers in counts and page links ("2.500" → "5.000").</summary>
    private const int MaxGrowthBytes = 200;

    /// <summary>The names the growth gives its labs, proposals and organisations: none may appear on a form.</summary>
    private static readonly string[] GrownNames = ["Gewicht-Reallabor", "Gewicht-Vorschlag", "Gewicht-Aufruf", "Gewicht-Angebot", "Gewicht-Kontakt", "Gewicht "];

    [Fact]
    public async Task Pages_and_forms_with_pickers_weigh_the_same_with_twice_the_alliance()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var (pages, labId) = await PagesAsync(staff);

        await GrowAsync(from: 0, organizations: 1_000, labs: 200, proposals: 500, calls: 100, offers: 500, lab: labId, contacts: 20);
        var first = await SizesAsync(staff, pages);
        Assert.True(await ScalarAsync<long>("""SELECT count(*) FROM members.people WHERE "FirstName" LIKE 'Gewicht-Kontakt%'""") >= 20,
            "the lab's member organisations gained contacts");
        await GrowAsync(from: 1_000, organizations: 1_000, labs: 200, proposals: 500, calls: 100, offers: 500, lab: labId, contacts: 20);
        var second = await SizesAsync(staff, pages);

        foreach (var page in pages)
        {
            output.WriteLine($"{page}: {first[page].Bytes:N0} bytes with 1,000 seeded organisations, 200 labs, 500 proposals, 100 calls and 500 offers, {second[page].Bytes:N0} with twice that");
            Assert.True(second[page].Bytes <= MaxPageBytes, $"{page} weighs {second[page].Bytes:N0} bytes");
            Assert.True(second[page].Bytes - first[page].Bytes <= MaxGrowthBytes, $"{page} grew from {first[page].Bytes:N0} to {second[page].Bytes:N0} bytes");
            if (page != "/people")
            {
                // The people list shows one page of (grown) people; a form names only what is chosen on it.
                Assert.All(GrownNames, name => Assert.DoesNotContain(name, second[page].Html, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// The pages to weigh: the people list, the lab, meeting and series forms, and — on a meeting of its own with an
    /// agenda item linked to a demo lab, a draft survey and an open demo proposal — the agenda form on the meeting's
    /// page, the agenda item's edit form, the minutes' decision form, the survey's audience form and the proposal's
    /// answer form; the new application form (its call picker), a demo need's page with its match form (the offer picker)
    /// and the demo lab's page (the action-item owner picker); with the lab's id, whose member organisations gain contacts.
    /// </summary>
    private async Task<(List<string> Pages, Guid LabId)> PagesAsync(HttpClient staff)
    {
        var labId = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.labs WHERE "Status" <> 3 ORDER BY "Title" LIMIT 1""");
        var proposalId = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.proposals WHERE "Status" = 0 ORDER BY "CreatedAt" LIMIT 1""");
        var needId = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.needs WHERE NOT "IsClosed" ORDER BY "CreatedAt" LIMIT 1""");
        var start = AllianceClock.Today.AddDays(21).AddHours(18);
        var meetingId = await CreatedIdAsync(await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Gewichtsprobe", kind = "NetworkMeeting", startsAtLocal = start, endsAtLocal = start.AddHours(2),
            timeZone = "Europe/Berlin", place = "Rathaus", capacity = 40, audience = "AllMembers",
        }));
        var itemId = await CreatedIdAsync(await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new
        {
            title = "Bericht aus dem Reallabor", plannedMinutes = 20, labId,
        }));
        var surveyId = await CreatedIdAsync(await staff.PostAsJsonAsync("/api/surveys", new { titleDe = "Gewichtsprobe", titleEn = "Weight check" }));

        return (
        [
            "/people", "/labs/new", "/meetings/new", "/meetings/series/new",
            $"/meetings/{meetingId}", $"/meetings/{meetingId}/agenda/{itemId}/edit", $"/meetings/{meetingId}/minutes",
            $"/surveys/{surveyId}/audience", $"/labs/proposals/{proposalId}", "/funding/applications/new", $"/labs/needs/{needId}",
            $"/labs/{labId}",
        ], labId);
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Dictionary<string, (int Bytes, string Html)>> SizesAsync(HttpClient client, IReadOnlyList<string> pages)
    {
        var sizes = new Dictionary<string, (int, string)>();
        foreach (var page in pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            sizes[page] = (bytes.Length, WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(bytes)));
        }

        return sizes;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Active organisations (Members and the Labs copy) with five people each, every one with an e-mail address
    /// and consent to be contacted, names shown — the most a picker could be tempted to list —, active labs in the
    /// first action field, open topic proposals and open offers of the new organisations and funding calls open for another year;
    /// and <paramref name="contacts"/> more people (addresses, consents given) in each current member organisation of <paramref name="lab"/>.
    /// </summary>
    private async Task GrowAsync(int from, int organizations, int labs, int proposals, int calls, int offers, Guid lab, int contacts)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TEMP TABLE weight_orgs ON COMMIT DROP AS
            SELECT n, md5('weight-org' || n)::uuid AS id, format('Gewicht %s Handel GmbH', n) AS name, n % 7 AS partner_group
            FROM generate_series(@from, @from + @count - 1) AS n;

            INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "Sector", "SizeClass", "EmployeeCount", "District",
              "Street", "PostalCode", "City", "Website", "MemberSince", "MemberUntil", "IsActive", "CreatedAt", "UpdatedAt", "Revision")
            SELECT id, name, upper(name), partner_group, 'Handel', n % 5, 10, 'Altstadt', 'Hauptstraße 1', '10115', 'Musterstadt', NULL,
                   DATE '2020-01-01', NULL, true, now(), now(), 1
            FROM weight_orgs;

            INSERT INTO labs.organizations ("Id", "Name", "PartnerGroup", "SourceVersion")
            SELECT id, name, partner_group, 1 FROM weight_orgs;

            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "Phone", "Function", "OrganizationId", "PreferredLanguage",
              "ConsentContactByEmail", "ConsentContactByEmailAt", "ConsentNameVisible", "ConsentNameVisibleAt", "CreatedAt", "UpdatedAt", "ErasedAt", "Revision")
            SELECT md5('weight-person' || o.n || '-' || k)::uuid, format('Vorname%s', k), format('Nachname%s', o.n),
                   format('person%s-%s@weight.example', o.n, k), NULL, 'Ansprechperson', o.id, 'de', true, now(), true, now(), now(), now(), NULL, 1
            FROM weight_orgs o, generate_series(1, 5) AS k;

            INSERT INTO labs.labs ("Id", "Title", "ActionFieldId", "Description", "Goals", "Kind", "Status", "StartsOn", "EndsOn", "RequiredPartnerGroups", "CreatedAt")
            SELECT md5('weight-lab' || l)::uuid, format('Gewicht-Reallabor %s', l), (SELECT "Id" FROM labs.action_fields ORDER BY "Title" LIMIT 1),
                   'Ein Reallabor der Gewichtsprobe.', NULL, 0, 1, DATE '2025-01-01', NULL, '{}', now()
            FROM generate_series(@from, @from + @labs - 1) AS l;

            INSERT INTO labs.proposals ("Id", "Title", "Description", "ActionFieldId", "OrganizationId", "ProposedByPersonId", "CreatedAt", "Status")
            SELECT md5('weight-proposal' || p)::uuid, format('Gewicht-Vorschlag %s', p), 'Ein Vorschlag der Gewichtsprobe.', NULL,
                   md5('weight-org' || (@from + p % @count))::uuid, NULL, now(), 0
            FROM generate_series(@from, @from + @proposals - 1) AS p;

            INSERT INTO funding.calls (id, funder, programme, title, link, submission_deadline, funding_rate, max_amount, preset, cost_categories,
              flat_rate, notes, responsible_person_id, created_at)
            SELECT md5('weight-call' || c)::uuid, 'Land', 'Gewichtsprogramm', format('Gewicht-Aufruf %s', c), NULL, current_date + 365 + c % 30, 50, NULL,
                   'FederalAza', '{Staff}', NULL, NULL, NULL, now()
            FROM generate_series(@from, @from + @calls - 1) AS c;

            INSERT INTO labs.offers ("Id", "OrganizationId", "PostedByPersonId", "Title", "Description", "Quantity", "IsClosed", "CreatedAt")
            SELECT md5('weight-offer' || f)::uuid, md5('weight-org' || (@from + f % @count))::uuid, NULL, format('Gewicht-Angebot %s', f),
                   'Ein Angebot der Gewichtsprobe.', 1, false, now()
            FROM generate_series(@from, @from + @offers - 1) AS f;

            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "Phone", "Function", "OrganizationId", "PreferredLanguage",
              "ConsentContactByEmail", "ConsentContactByEmailAt", "ConsentNameVisible", "ConsentNameVisibleAt", "CreatedAt", "UpdatedAt", "ErasedAt", "Revision")
            SELECT md5('weight-contact' || m."OrganizationId" || '-' || k)::uuid, format('Gewicht-Kontakt%s', k), 'Mitglied',
                   format('contact%s-%s@weight.example', k, m."OrganizationId"), NULL, 'Ansprechperson', m."OrganizationId", 'de', true, now(), true, now(), now(), now(), NULL, 1
            FROM labs.memberships m, generate_series(@from, @from + @contacts - 1) AS k
            WHERE m."LabId" = @lab AND m."LeftAt" IS NULL;
            """, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("count", organizations);
        command.Parameters.AddWithValue("labs", labs);
        command.Parameters.AddWithValue("proposals", proposals);
        command.Parameters.AddWithValue("calls", calls);
        command.Parameters.AddWithValue("offers", offers);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("contacts", contacts);
        await using var transaction = await connection.BeginTransactionAsync();
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
