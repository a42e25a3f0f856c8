using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alliance.Labs.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;

namespace Alliance.Labs.Tests;

/// <summary>
/// Issue 13: the owner person of a lab's new action item is searched (<c>/api/labs/{id}/action-item-owners/search</c>)
/// among the contacts of the lab's current member organisations — not those of an organisation outside the lab, one that
/// left it or one no longer active, nor erased people or people without an address — with the names the caller may read
/// (staff all, a coordinator those shown to members and his colleagues'), 20 a page, only for the lab's managers; the lab
/// page names none of them. Creating an action item refuses a person outside the lab at the field (API and form).
/// Every word of the term must match, in any order, and a name the caller may not read is not found by its words. A
/// coordinator who loses the lab while its page is open is told in the typeahead that he may not search there (403).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class ActionItemOwnerPickerTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    /// <summary>
    /// A lab with member organisations Alpha (22 people shown to members, one hidden, one erased, one without an address),
    /// Koordination (the coordinator's own, with a hidden colleague) and Ruhend (not active any more); Außen is no member,
    /// Ehemals left the lab. Everyone's last name contains "Kontaktperson". Each test builds its own (<paramref name="tag"/>).
    /// </summary>
    private async Task<OwnerLab> CreateLabAsync(string tag)
    {
        var coordinatorEmail = $"koordination-{tag}@owner.example";
        var coordinator = await app.CreateRepresentativeAsync($"Kontaktprobe Koordination {tag}", "Konrad", $"Koordinator {tag}", coordinatorEmail);
        var lab = Guid.NewGuid();
        await ExecuteAsync($"""
            CREATE TEMP TABLE owner_orgs ON COMMIT DROP AS
            SELECT v.key, md5('owner-org-{tag}-' || v.key)::uuid AS id, format('Kontaktprobe %s {tag}', v.key) AS name, v.active, v.member
            FROM (VALUES ('Alpha', true, 'current'), ('Außen', true, 'none'), ('Ehemals', true, 'left'), ('Ruhend', false, 'current')) AS v(key, active, member);

            INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "Sector", "SizeClass", "EmployeeCount", "District",
              "Street", "PostalCode", "City", "Website", "MemberSince", "MemberUntil", "IsActive", "CreatedAt", "UpdatedAt", "Revision")
            SELECT id, name, upper(name), 0, 'Handel', 1, 10, 'Altstadt', 'Hauptstraße 1', '10115', 'Musterstadt', NULL, DATE '2020-01-01', NULL, active, now(), now(), 1
            FROM owner_orgs;
            INSERT INTO labs.organizations ("Id", "Name", "PartnerGroup", "SourceVersion")
            SELECT id, name, 0, 1 FROM owner_orgs
            UNION ALL SELECT "Id", "Name", "PartnerGroup", 1 FROM members.organizations
              WHERE "Id" = (SELECT "OrganizationId" FROM members.people WHERE "Id" = '{coordinator}')
            ON CONFLICT ("Id") DO NOTHING;

            INSERT INTO labs.labs ("Id", "Title", "ActionFieldId", "Description", "Goals", "Kind", "Status", "StartsOn", "EndsOn", "RequiredPartnerGroups", "CreatedAt")
            VALUES ('{lab}', 'Kontaktlabor {tag}', (SELECT "Id" FROM labs.action_fields ORDER BY "Title" LIMIT 1), NULL, NULL, 0, 1, NULL, NULL, ARRAY[]::integer[], now());
            INSERT INTO labs.lab_coordinators ("LabId", "PersonId") VALUES ('{lab}', '{coordinator}');
            INSERT INTO labs.memberships ("Id", "LabId", "OrganizationId", "Role", "RequestId", "JoinedAt", "LeftAt")
            SELECT gen_random_uuid(), '{lab}'::uuid, id, 1, NULL::uuid, now() - interval '30 days', CASE WHEN member = 'left' THEN now() - interval '1 day' END
            FROM owner_orgs WHERE member <> 'none'
            UNION ALL SELECT gen_random_uuid(), '{lab}'::uuid, "OrganizationId", 0, NULL::uuid, now() - interval '30 days', NULL FROM members.people WHERE "Id" = '{coordinator}';

            -- Alpha: 22 people shown to members; one hidden, one erased, one without an address. One shown person each elsewhere.
            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "Phone", "Function", "OrganizationId", "PreferredLanguage",
              "ConsentContactByEmail", "ConsentContactByEmailAt", "ConsentNameVisible", "ConsentNameVisibleAt", "CreatedAt", "UpdatedAt", "ErasedAt", "Revision")
            SELECT md5('owner-person-{tag}-' || o.key || '-' || k)::uuid,
                   CASE WHEN o.key = 'Alpha' AND k = 23 THEN 'Hanna' ELSE format('Vorname%s', k) END,
                   CASE WHEN o.key = 'Alpha' AND k = 23 THEN 'Kontaktperson Verborgen' ELSE format('Kontaktperson %s %s', o.key, lpad(k::text, 2, '0')) END,
                   CASE WHEN o.key = 'Alpha' AND k = 25 THEN NULL ELSE format('kontakt-%s-%s-%s@owner.example', '{tag}', lower(o.key), k) END,
                   NULL, 'Ansprechperson', o.id, 'de', true, now(),
                   NOT (o.key = 'Alpha' AND k = 23), now(), now(), now(),
                   CASE WHEN o.key = 'Alpha' AND k = 24 THEN now() END, 1
            FROM owner_orgs o, generate_series(1, 25) AS k
            WHERE o.key = 'Alpha' OR k = 1;
            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "Phone", "Function", "OrganizationId", "PreferredLanguage",
              "ConsentContactByEmail", "ConsentContactByEmailAt", "ConsentNameVisible", "ConsentNameVisibleAt", "CreatedAt", "UpdatedAt", "ErasedAt", "Revision")
            SELECT md5('owner-person-{tag}-Kollege')::uuid, 'Kolja', 'Kontaktperson Kollege', 'kollege-{tag}@owner.example', NULL, 'Ansprechperson',
                   "OrganizationId", 'de', true, now(), false, now(), now(), now(), NULL, 1
            FROM members.people WHERE "Id" = '{coordinator}';
            """);
        return new OwnerLab(lab, coordinatorEmail, tag);
    }

    private sealed record OwnerLab(Guid Id, string CoordinatorEmail, string Tag)
    {
        public string Alpha(int k) => $"Vorname{k} Kontaktperson Alpha {k:00}";

        public string Organization(string key) => $"Kontaktprobe {key} {Tag}";
    }

    /// <summary>The id the setup gave person <paramref name="k"/> of organisation <paramref name="key"/> ("Kollege": the coordinator's colleague).</summary>
    private Task<Guid> PersonAsync(OwnerLab lab, string key, int k = 0) =>
        ScalarAsync<Guid>(key == "Kollege" ? $"SELECT md5('owner-person-{lab.Tag}-Kollege')::uuid" : $"SELECT md5('owner-person-{lab.Tag}-{key}-{k}')::uuid");

    [Fact]
    public async Task The_search_offers_only_the_contacts_of_current_active_members_with_readable_names_twenty_a_page()
    {
        var lab = await CreateLabAsync("suche");
        var url = $"/api/labs/{lab.Id}/action-item-owners/search";

        // Staff read every name: Alpha's 22 shown and 1 hidden, the coordinator's hidden colleague — nobody of Außen,
        // Ehemals or Ruhend, not the erased person nor the one without an address.
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var first = await staff.GetFromJsonAsync<JsonElement>($"{url}?q=kontaktperson&pageSize=50");
        Assert.Equal(24, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(20, first.GetProperty("pageSize").GetInt32());
        Assert.Equal([.. Enumerable.Range(1, 20).Select(lab.Alpha)], Names(first));
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.Equal(lab.Organization("Alpha"), i.GetProperty("hint").GetString()));
        var second = await staff.GetFromJsonAsync<JsonElement>($"{url}?q=Kontaktperson&page=2");
        Assert.Equal([lab.Alpha(21), lab.Alpha(22), "Kolja Kontaktperson Kollege", "Hanna Kontaktperson Verborgen"], Names(second));
        Assert.Equal(lab.Organization("Koordination"), second.GetProperty("items")[2].GetProperty("hint").GetString());

        // The term narrows ("first last", any case, every word anywhere and in any order); a typed _ is matched as itself.
        Assert.Equal(["Hanna Kontaktperson Verborgen"], Names(await staff.GetFromJsonAsync<JsonElement>($"{url}?q=hanna%20kontakt")));
        Assert.Equal(["Hanna Kontaktperson Verborgen"], Names(await staff.GetFromJsonAsync<JsonElement>($"{url}?q=Verborgen%20Hanna")));
        Assert.Equal([lab.Alpha(7)], Names(await staff.GetFromJsonAsync<JsonElement>($"{url}?q=07%20alpha%20Vorname7")));
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"{url}?q=Verborgen%20Kolja")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"{url}?q=Kontaktperson%20_")).GetProperty("totalCount").GetInt32());

        // The coordinator reads the names shown to members and his colleague's, not Hanna's.
        using var coordinator = await app.SignedInAsync(lab.CoordinatorEmail);
        var asCoordinator = await coordinator.GetFromJsonAsync<JsonElement>($"{url}?q=Kontaktperson&page=2");
        Assert.Equal(23, asCoordinator.GetProperty("totalCount").GetInt32());
        Assert.Equal([lab.Alpha(21), lab.Alpha(22), "Kolja Kontaktperson Kollege"], Names(asCoordinator));
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>($"{url}?q=Verborgen")).GetProperty("totalCount").GetInt32());
        // Nor by her words in another order; his colleague's (hidden from members, shown to colleagues) he finds so.
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>($"{url}?q=Verborgen%20Hanna")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>($"{url}?q=hanna%20kontaktperson")).GetProperty("totalCount").GetInt32());
        Assert.Equal(["Kolja Kontaktperson Kollege"], Names(await coordinator.GetFromJsonAsync<JsonElement>($"{url}?q=Kollege%20Kolja")));

        // Only the lab's managers search; an unknown lab is 404, a missing term 400 at q.
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"{url}?q=Kontaktperson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/labs/{Guid.NewGuid()}/action-item-owners/search?q=Kontaktperson")).StatusCode);
        var noTerm = await staff.GetAsync($"{url}?q=%20");
        Assert.Equal(HttpStatusCode.BadRequest, noTerm.StatusCode);
        Assert.Contains((await noTerm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject(),
            e => e.Name.Equals("q", StringComparison.OrdinalIgnoreCase));

        // The lab page names none of them: the form carries only the picker.
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/labs/{lab.Id}"));
        Assert.DoesNotContain("Kontaktperson", page, StringComparison.Ordinal);
        Assert.Contains($"data-picker-source=\"/api/labs/{lab.Id}/action-item-owners/search\"", page, StringComparison.Ordinal);
        Assert.False((await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{lab.Id}")).TryGetProperty("ownerCandidates", out _));
    }

    [Fact]
    public async Task Creating_an_action_item_refuses_an_owner_person_outside_the_lab_at_the_field_and_takes_a_contact_of_a_member()
    {
        var lab = await CreateLabAsync("anlegen");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var due = LabsTestData.AllianceToday().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var language in new[] { "de", "en" })
        {
            var expected = await app.TextAsync<LabsText>(language, "ActionItem_OwnerPersonNotInLab");
            // No member, a member that left, a member no longer active, an erased contact, an unknown id.
            foreach (var outsider in new[] { await PersonAsync(lab, "Außen", 1), await PersonAsync(lab, "Ehemals", 1), await PersonAsync(lab, "Ruhend", 1), await PersonAsync(lab, "Alpha", 24), Guid.NewGuid() })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/labs/{lab.Id}/action-items?culture={language}&ui-culture={language}")
                {
                    Content = JsonContent.Create(new { title = $"Fremd {language}", ownerPersonId = outsider, dueDate = due }),
                };
                request.Headers.AcceptLanguage.ParseAdd(language);
                var refused = await staff.SendAsync(request);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
                Assert.Equal(expected, errors.EnumerateObject().Single(e => e.Name.Equals("ownerPersonId", StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
            }
        }

        // The owner organisation likewise: one that is no member, or left the lab, is refused at its field.
        foreach (var key in new[] { "Außen", "Ehemals" })
        {
            var outside = await ScalarAsync<Guid>($"SELECT md5('owner-org-{lab.Tag}-{key}')::uuid");
            var refused = await staff.PostAsJsonAsync($"/api/labs/{lab.Id}/action-items?culture=en&ui-culture=en", new { title = "Fremde Organisation", ownerOrganizationId = outside, dueDate = due });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(await app.TextAsync<LabsText>("en", "ActionItem_OwnerOrganizationNotInLab"),
                errors.EnumerateObject().Single(e => e.Name.Equals("ownerOrganizationId", StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
        }

        Assert.False(await app.LabsDbAsync(db => db.ActionItems.AnyAsync(a => a.LabId == lab.Id)));

        // A contact of a member — also one whose name the coordinator may not read — is taken.
        using var coordinator = await app.SignedInAsync(lab.CoordinatorEmail);
        var hidden = await PersonAsync(lab, "Alpha", 23);
        var colleague = await PersonAsync(lab, "Kollege");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/labs/{lab.Id}/action-items", new { title = "Intern", ownerPersonId = hidden, dueDate = due })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/labs/{lab.Id}/action-items", new { title = "Kollegial", ownerPersonId = colleague })).StatusCode);
        var alpha = await ScalarAsync<Guid>($"SELECT md5('owner-org-{lab.Tag}-Alpha')::uuid");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/labs/{lab.Id}/action-items", new { title = "Mitglied", ownerOrganizationId = alpha })).StatusCode);
        Assert.Equal([hidden, colleague], await app.LabsDbAsync(db => db.ActionItems.Where(a => a.LabId == lab.Id && a.OwnerPersonId != null).OrderBy(a => a.Title).Select(a => a.OwnerPersonId!.Value).ToListAsync()));

        // The coordinator may not read that owner's name: the lab shows it as not shared (in her language), never as
        // "—", which reads as "no owner".
        foreach (var (query, notShared) in new[] { ("", "(Name nicht freigegeben)"), ("?culture=en&ui-culture=en", "(name not shared)") })
        {
            var items = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/labs/{lab.Id}{query}")).GetProperty("openActionItems").EnumerateArray().ToList();
            Assert.Equal(notShared, items.Single(i => i.GetProperty("title").GetString() == "Intern").GetProperty("owner").GetString());
        }

        var staffItems = (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{lab.Id}")).GetProperty("openActionItems").EnumerateArray().ToList();
        Assert.DoesNotContain("nicht freigegeben", staffItems.Single(i => i.GetProperty("title").GetString() == "Intern").GetProperty("owner").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The "new action item" form without JavaScript: "Search" keeps the form open and unsaved with the matches in the
    /// select; a person outside the lab is refused at the field in the page's language and stays named; a member's
    /// contact is saved.
    /// </summary>
    [Fact]
    public async Task Without_javascript_the_form_searches_the_owner_refuses_one_outside_the_lab_and_saves_a_members_contact()
    {
        var lab = await CreateLabAsync("formular");
        var due = LabsTestData.AllianceToday().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["NewItem.Title"] = "Lieferliste", ["NewItem.OwnerPersonId"] = "", ["NewItem.OwnerOrganizationId"] = "", ["NewItem.DueDate"] = due,
        };
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var searched = await staff.PostFormAsync($"/labs/{lab.Id}", "new-action-item",
            new Dictionary<string, string>(fields) { ["picker-search"] = "item-person", ["picker-q-item-person"] = "Verborgen" });
        var select = Regex.Match(searched, "<select[^>]*id=\"item-person\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"value=\"{await PersonAsync(lab, "Alpha", 23)}\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain(lab.Alpha(1), select, StringComparison.Ordinal);
        Assert.Contains("value=\"Lieferliste\"", searched, StringComparison.Ordinal);
        // The field is marked invalid (a search is no save) and says why: select and search box point at the visible message.
        Assert.Equal("1 Treffer für „Verborgen“: bitte auswählen und dann speichern.", FormPosts.ErrorOf(searched, "item-person").Trim());
        var selectTag = Regex.Match(searched, "<select[^>]*id=\"item-person\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", selectTag, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"item-person-help item-person-error\"", selectTag, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"item-person-error item-person-search-help\"", Regex.Match(searched, "<input[^>]*id=\"item-person-q\"[^>]*>").Value, StringComparison.Ordinal);
        Assert.Contains("id=\"item-person-search-help\"", searched, StringComparison.Ordinal);
        Assert.True(IsOpen(searched, "new-action-item"), "a picker search keeps the form open");
        Assert.False(await app.LabsDbAsync(db => db.ActionItems.AnyAsync(a => a.LabId == lab.Id)));

        var outsider = await PersonAsync(lab, "Außen", 1);
        var member = await PersonAsync(lab, "Alpha", 3);
        foreach (var language in new[] { "de", "en" })
        {
            using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
            var refused = await client.PostFormAsync($"/labs/{lab.Id}", "new-action-item", new Dictionary<string, string>(fields) { ["NewItem.OwnerPersonId"] = outsider.ToString() });
            Assert.Equal(await app.TextAsync<LabsText>(language, "ActionItem_OwnerPersonNotInLab"), FormPosts.ErrorOf(refused, "item-person").Trim());
            Assert.True(IsOpen(refused, "new-action-item"), "the refused form stays open");
            Assert.Contains("Vorname1 Kontaktperson Außen 01", refused, StringComparison.Ordinal);
        }

        Assert.False(await app.LabsDbAsync(db => db.ActionItems.AnyAsync(a => a.LabId == lab.Id)));

        using var saved = await staff.SubmitFormAsync($"/labs/{lab.Id}", "new-action-item", new Dictionary<string, string>(fields) { ["NewItem.OwnerPersonId"] = member.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(member, await app.LabsDbAsync(db => db.ActionItems.Where(a => a.LabId == lab.Id).Select(a => a.OwnerPersonId).SingleAsync()));
    }

    /// <summary>
    /// Without JavaScript, "Search" with an empty box says to enter a term (not "no matches for „“"), in the page's
    /// language; a field that is not invalid carries no error reference — only its help text.
    /// </summary>
    [Fact]
    public async Task Without_javascript_an_empty_search_asks_for_a_term_and_a_valid_field_names_only_its_help()
    {
        var lab = await CreateLabAsync("leer");
        foreach (var (language, expected) in new[] { ("de", "Bitte einen Suchbegriff eingeben."), ("en", "Please enter a search term.") })
        {
            using var staff = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
            var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/labs/{lab.Id}"));
            var untouched = Regex.Match(page, "<select[^>]*id=\"item-person\"[^>]*>").Value;
            Assert.DoesNotContain("aria-invalid", untouched, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"item-person-help\"", untouched, StringComparison.Ordinal);

            var searched = await staff.PostFormAsync($"/labs/{lab.Id}", "new-action-item", new Dictionary<string, string>
            {
                ["NewItem.Title"] = "Leer", ["NewItem.OwnerPersonId"] = "", ["NewItem.OwnerOrganizationId"] = "", ["NewItem.DueDate"] = "",
                ["picker-search"] = "item-person", ["picker-q-item-person"] = "  ",
            });
            Assert.Equal(expected, FormPosts.ErrorOf(searched, "item-person").Trim());
            Assert.Contains("aria-describedby=\"item-person-help item-person-error\"", Regex.Match(searched, "<select[^>]*id=\"item-person\"[^>]*>").Value, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The typeahead of a coordinator whose lab was taken from him while its page was open: the search answers 403, and
    /// the live region says he may not search here — not "no matches" — in German and English.
    /// </summary>
    [Theory]
    [InlineData("de", "Sie haben keine Berechtigung, hier zu suchen.")]
    [InlineData("en", "You are not allowed to search here.")]
    public async Task A_refused_search_says_so_in_the_typeahead(string language, string forbidden)
    {
        var lab = await CreateLabAsync($"verboten-{language}");
        var page = await browser.SignedInPageAsync(app.BaseAddress, lab.CoordinatorEmail, language, $"/labs/{lab.Id}");
        await page.ClickAsync("#new-action-item summary");
        var box = page.Locator("#item-person-search");
        var status = page.Locator("#item-person-status");
        await Assertions.Expect(box).ToHaveAttributeAsync("maxlength", "100");

        // While he coordinates the lab the words find the contact.
        await box.FillAsync("07 Alpha");
        await Assertions.Expect(page.Locator("#item-person-list [role=option]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#item-person-list [role=option]")).ToContainTextAsync(lab.Alpha(7));

        await ExecuteAsync($"DELETE FROM labs.lab_coordinators WHERE \"LabId\" = '{lab.Id}'");
        await box.FillAsync("Kontaktperson");
        await Assertions.Expect(status).ToHaveTextAsync(forbidden);
        await Assertions.Expect(status).ToHaveClassAsync(new Regex("text-danger"));
        await Assertions.Expect(page.Locator("#item-person-list")).ToBeHiddenAsync();
        await Browser.ScreenshotAsync(page, $"picker-{language}-05-forbidden");
        await page.Context.CloseAsync();
    }

    private static List<string?> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString())];

    private static bool IsOpen(string html, string detailsId) => Regex.IsMatch(html, $"<details open[^>]*id=\"{Regex.Escape(detailsId)}\"");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
