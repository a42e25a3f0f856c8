using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alliance.Labs.Persistence;
using Alliance.Labs.Pickers;
using Alliance.Shared.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Labs.Tests;

/// <summary>
/// Issue 13: the lab and proposal pickers' search APIs (at most 20 a page, paged, counted as SQL counts, concluded labs
/// and merged proposals left out, 400 without a term, served by their trigram indexes) and the lab picker on
/// /meetings/new used without JavaScript: "Search" lists the matches, choosing one saves the meeting for that lab.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class LabPickerTests(AllianceApp app)
{
    [Fact]
    public async Task Lab_search_pages_at_most_twenty_open_labs_with_their_action_field_and_leaves_concluded_labs_out()
    {
        // 25 labs named "Suchlabor …", the last one concluded.
        await ExecuteAsync("""
            INSERT INTO labs.labs ("Id", "Title", "ActionFieldId", "Description", "Goals", "Kind", "Status", "StartsOn", "EndsOn", "RequiredPartnerGroups", "CreatedAt")
            SELECT md5('search-lab' || n)::uuid, format('Suchlabor %s', lpad(n::text, 2, '0')), (SELECT "Id" FROM labs.action_fields ORDER BY "Title" LIMIT 1),
                   NULL, NULL, 0, CASE WHEN n = 25 THEN 3 ELSE 1 END, NULL, NULL, '{}', now()
            FROM generate_series(1, 25) AS n;
            """);
        var field = await ScalarAsync<string>("""SELECT "Title" FROM labs.action_fields ORDER BY "Title" LIMIT 1""");
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var first = await representative.GetFromJsonAsync<JsonElement>("/api/labs/search?q=suchlabor&pageSize=50");
        Assert.Equal(24, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(20, first.GetProperty("pageSize").GetInt32());
        var names = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal([.. Enumerable.Range(1, 20).Select(n => $"Suchlabor {n:00}")], names);
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.Equal(field, i.GetProperty("hint").GetString()));

        var second = await representative.GetFromJsonAsync<JsonElement>("/api/labs/search?q=Suchlabor&page=2");
        Assert.Equal(["Suchlabor 21", "Suchlabor 22", "Suchlabor 23", "Suchlabor 24"],
            second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList());

        // A typed % or _ is matched as itself, not as a wildcard.
        Assert.Equal(0, (await representative.GetFromJsonAsync<JsonElement>("/api/labs/search?q=Suchlabor%20_1")).GetProperty("totalCount").GetInt32());

        // The concluded lab is no choice, but a form that already links it still names it.
        var concluded = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.labs WHERE "Title" = 'Suchlabor 25'""");
        var picked = await app.SendAsync(new GetPickedLabs([concluded]), await app.PrincipalAsync(DemoUsers.Staff));
        Assert.Equal("Suchlabor 25", Assert.Single(picked).Name);
    }

    [Fact]
    public async Task Proposal_search_leaves_merged_proposals_out_and_names_the_proposing_organisation()
    {
        var organization = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.organizations ORDER BY "Name" LIMIT 1""");
        var organizationName = await ScalarAsync<string>("""SELECT "Name" FROM labs.organizations ORDER BY "Name" LIMIT 1""");
        await ExecuteAsync($"""
            INSERT INTO labs.proposals ("Id", "Title", "Description", "OrganizationId", "CreatedAt", "Status")
            SELECT md5('search-proposal' || n)::uuid, format('Suchvorschlag %s', n), 'Beschreibung', '{organization}', now(), CASE WHEN n = 3 THEN 2 ELSE n % 2 END
            FROM generate_series(1, 3) AS n;
            """);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var found = await staff.GetFromJsonAsync<JsonElement>("/api/labs/proposals/search?q=Suchvorschlag");
        Assert.Equal(["Suchvorschlag 1", "Suchvorschlag 2"], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList());
        Assert.All(found.GetProperty("items").EnumerateArray(), i => Assert.Equal(organizationName, i.GetProperty("hint").GetString()));
    }

    [Fact]
    public async Task Offer_search_pages_open_offers_with_the_offering_organisation_and_leaves_withdrawn_ones_out()
    {
        var organization = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.organizations ORDER BY "Name" LIMIT 1""");
        var organizationName = await ScalarAsync<string>("""SELECT "Name" FROM labs.organizations ORDER BY "Name" LIMIT 1""");
        // 25 offers named "Suchangebot …", the last one withdrawn.
        await ExecuteAsync($"""
            INSERT INTO labs.offers ("Id", "OrganizationId", "Title", "IsClosed", "CreatedAt")
            SELECT md5('search-offer' || n)::uuid, '{organization}', format('Suchangebot %s', lpad(n::text, 2, '0')), n = 25, now()
            FROM generate_series(1, 25) AS n;
            """);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var first = await representative.GetFromJsonAsync<JsonElement>("/api/labs/offers/search?q=suchangebot&pageSize=50");
        Assert.Equal(24, first.GetProperty("totalCount").GetInt32());
        Assert.Equal([.. Enumerable.Range(1, 20).Select(n => $"Suchangebot {n:00}")],
            first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList());
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.Equal(organizationName, i.GetProperty("hint").GetString()));
        var second = await representative.GetFromJsonAsync<JsonElement>("/api/labs/offers/search?q=Suchangebot&page=2");
        Assert.Equal(["Suchangebot 21", "Suchangebot 22", "Suchangebot 23", "Suchangebot 24"],
            second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList());

        // The withdrawn offer is no choice, but a form that already holds it still names it.
        var withdrawn = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.offers WHERE "Title" = 'Suchangebot 25'""");
        Assert.Equal("Suchangebot 25", Assert.Single(await app.SendAsync(new GetPickedOffers([withdrawn]), await app.PrincipalAsync(DemoUsers.Staff))).Name);
    }

    /// <summary>
    /// A need's match form without JavaScript: "Search" lists the matching open offers; an offer of the need's own
    /// organisation is refused at the field with the reason (nothing stored); another organisation's offer is matched.
    /// </summary>
    [Fact]
    public async Task The_match_form_searches_offers_refuses_one_of_the_needs_own_organisation_and_matches_another()
    {
        var own = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.organizations ORDER BY "Name" LIMIT 1""");
        var other = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.organizations ORDER BY "Name" DESC LIMIT 1""");
        await ExecuteAsync($"""
            INSERT INTO labs.needs ("Id", "OrganizationId", "Title", "IsClosed", "CreatedAt")
            VALUES (md5('match-need')::uuid, '{own}', 'Bedarf Lastenrad', false, now());
            INSERT INTO labs.offers ("Id", "OrganizationId", "Title", "IsClosed", "CreatedAt")
            VALUES (md5('match-own')::uuid, '{own}', 'Lastenrad eigene Firma', false, now()),
                   (md5('match-other')::uuid, '{other}', 'Lastenrad zum Ausleihen', false, now());
            """);
        var needId = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.needs WHERE "Title" = 'Bedarf Lastenrad'""");
        var ownOffer = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.offers WHERE "Title" = 'Lastenrad eigene Firma'""");
        var otherOffer = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.offers WHERE "Title" = 'Lastenrad zum Ausleihen'""");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var searched = await staff.PostFormAsync($"/labs/needs/{needId}", "match",
            new Dictionary<string, string> { ["picker-search"] = "offers", ["picker-q-offers"] = "Lastenrad" });
        Assert.Contains($"value=\"{ownOffer}\"", searched, StringComparison.Ordinal);
        Assert.Contains($"value=\"{otherOffer}\"", searched, StringComparison.Ordinal);

        // Refused at the field, in the page's language; nothing stored. Nothing chosen is refused the same way.
        foreach (var (language, reason, required) in new[]
        {
            ("de", "Ein Bedarf kann nicht mit einem Angebot derselben Organisation zusammengebracht werden.", "Bitte mindestens ein Angebot wählen."),
            ("en", "A need cannot be matched with an offer of the same organisation.", "Please choose at least one offer."),
        })
        {
            using var office = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
            var refused = await office.PostFormAsync($"/labs/needs/{needId}", "match", new Dictionary<string, string> { ["Match.OfferIds"] = ownOffer.ToString() });
            Assert.Equal(reason, FormPosts.ErrorOf(refused, "offers").Trim());
            var empty = await office.PostFormAsync($"/labs/needs/{needId}", "match", new Dictionary<string, string>());
            Assert.Equal(required, FormPosts.ErrorOf(empty, "offers").Trim());
        }

        Assert.Equal(0, await ScalarAsync<long>($"""SELECT count(*) FROM labs.matches WHERE "NeedId" = '{needId}'"""));

        using var matched = await staff.SubmitFormAsync($"/labs/needs/{needId}", "match", new Dictionary<string, string> { ["Match.OfferIds"] = otherOffer.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, matched.StatusCode);
        Assert.Equal(otherOffer, await ScalarAsync<Guid>($"""SELECT "OfferId" FROM labs.matches WHERE "NeedId" = '{needId}'"""));
    }

    [Fact]
    public async Task The_answer_form_merges_a_proposal_into_one_chosen_with_the_proposal_picker()
    {
        var organization = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.organizations ORDER BY "Name" LIMIT 1""");
        await ExecuteAsync($"""
            INSERT INTO labs.proposals ("Id", "Title", "Description", "OrganizationId", "CreatedAt", "Status")
            SELECT md5('merge-proposal' || n)::uuid, format('Zusammenlegen %s', n), 'Beschreibung', '{organization}', now(), 0
            FROM generate_series(1, 2) AS n;
            """);
        var from = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.proposals WHERE "Title" = 'Zusammenlegen 1'""");
        var into = await ScalarAsync<Guid>("""SELECT "Id" FROM labs.proposals WHERE "Title" = 'Zusammenlegen 2'""");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var fields = new Dictionary<string, string> { ["Answer.Answer"] = "Merge", ["Answer.Version"] = "0", ["Answer.LabId"] = "", ["Answer.Reason"] = "" };

        // Nothing chosen: the validator's "required" at the merge field, nothing changed.
        var refused = await staff.PostFormAsync($"/labs/proposals/{from}", "answer-proposal", new Dictionary<string, string>(fields) { ["Answer.MergeIntoProposalId"] = "" });
        Assert.NotEqual("", FormPosts.ErrorOf(refused, "answer-merge"));
        Assert.Equal(0, await ScalarAsync<int>($"""SELECT "Status" FROM labs.proposals WHERE "Id" = '{from}'"""));

        // "Suchen" offers the other proposal; choosing it merges.
        var searched = await staff.PostFormAsync($"/labs/proposals/{from}", "answer-proposal",
            new Dictionary<string, string>(fields) { ["picker-search"] = "answer-merge", ["picker-q-answer-merge"] = "Zusammenlegen" });
        Assert.Contains($"value=\"{into}\"", Regex.Match(searched, "<select[^>]*id=\"answer-merge\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value, StringComparison.Ordinal);
        using var merged = await staff.SubmitFormAsync($"/labs/proposals/{from}", "answer-proposal", new Dictionary<string, string>(fields) { ["Answer.MergeIntoProposalId"] = into.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(into, await ScalarAsync<Guid>($"""SELECT "MergedIntoId" FROM labs.proposals WHERE "Id" = '{from}'"""));
    }

    [Theory]
    [InlineData("/api/labs/search")]
    [InlineData("/api/labs/search?q=%20")]
    [InlineData("/api/labs/proposals/search?q=")]
    [InlineData("/api/labs/offers/search?q=")]
    public async Task A_search_without_a_term_is_a_bad_request_naming_q_in_the_callers_language(string url)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var (language, message) in new[] { ("de", "Bitte einen Suchbegriff eingeben."), ("en", "Please enter a search term.") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={language}&ui-culture={language}");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await staff.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(message, errors.EnumerateObject().Single(e => e.Name.Equals("q", StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/labs/search?q=" + new string('x', 101))).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/labs/search?q=Handel")).StatusCode);
    }

    [Fact]
    public async Task Both_searches_use_their_trigram_index()
    {
        var plans = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LabsDbContext>();
            // Two words, as the searches build them: one ILIKE each, both answered from the title's index.
            const string term = "Handel Zukunft";
            return (
                Labs: await PlanAsync(db, () => db.Labs.AsNoTracking().WhereEveryWord(term, pattern => l => EF.Functions.ILike(l.Title, pattern, "\\")).Select(l => l.Id).ToListAsync()),
                Proposals: await PlanAsync(db, () => db.Proposals.AsNoTracking().WhereEveryWord(term, pattern => p => EF.Functions.ILike(p.Title, pattern, "\\")).Select(p => p.Id).ToListAsync()),
                Offers: await PlanAsync(db, () => db.Offers.AsNoTracking().WhereEveryWord(term, pattern => o => EF.Functions.ILike(o.Title, pattern, "\\")).Select(o => o.Id).ToListAsync()));
        });
        Assert.True(plans.Labs.Contains("IX_labs_Title_Trigram", StringComparison.Ordinal), plans.Labs);
        Assert.True(plans.Proposals.Contains("IX_proposals_Title_Trigram", StringComparison.Ordinal), plans.Proposals);
        Assert.True(plans.Offers.Contains("IX_offers_Title_Trigram", StringComparison.Ordinal), plans.Offers);
    }

    [Fact]
    public async Task Without_javascript_the_new_meeting_form_finds_a_lab_by_search_and_saves_the_meeting_for_it()
    {
        var labId = await app.RetailLabAsync();
        var labTitle = await ScalarAsync<string>($"""SELECT "Title" FROM labs.labs WHERE "Id" = '{labId}'""");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var start = AllianceClock.Today.AddDays(40).AddHours(18);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Laborabend mit Suche",
            ["Input.Kind"] = "LabWorkshop",
            ["Input.StartsAtLocal"] = start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsAtLocal"] = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.Place"] = "Lokschuppen",
            ["Input.Capacity"] = "30",
            ["Input.Reminders"] = "7, 1",
            ["Input.Audience"] = "Lab",
            ["Input.LabId"] = "",
        };

        // "Suchen" next to the lab field: nothing is saved, the typed title stays, the select offers the matches.
        var searched = await staff.PostFormAsync("/meetings/new", "new-meeting",
            new Dictionary<string, string>(fields) { ["picker-search"] = "lab", ["picker-q-lab"] = labTitle[..8] });
        Assert.Contains("value=\"Laborabend mit Suche\"", searched, StringComparison.Ordinal);
        var select = Regex.Match(searched, "<select[^>]*id=\"lab\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"value=\"{labId}\"", select, StringComparison.Ordinal);
        Assert.Contains(labTitle, select, StringComparison.Ordinal);
        Assert.Matches("Treffer für", FormPosts.ErrorOf(searched, "lab"));

        // Choosing the match and saving creates the meeting for that lab.
        using var saved = await staff.SubmitFormAsync("/meetings/new", "new-meeting", new Dictionary<string, string>(fields) { ["Input.LabId"] = labId.ToString() });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Regex.Matches(WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()),
            "(?:validation-message|alert)[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)));
        var meetingId = Guid.Parse(Regex.Match(saved.Headers.Location!.OriginalString, "/meetings/([0-9a-f-]{36})").Groups[1].Value);
        Assert.Equal(labId, await ScalarAsync<Guid>($"""SELECT "LabId" FROM meetings.meetings WHERE "Id" = '{meetingId}'"""));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The plan of the query EF sends (auto_explain on the same connection), with only bitmap scans left as an indexed way.</summary>
    private static async Task<string> PlanAsync(LabsDbContext db, Func<Task> query)
    {
        var plans = new List<string>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        void Collect(object? sender, NpgsqlNoticeEventArgs e) => plans.Add(e.Notice.MessageText);
        connection.Notice += Collect;
        try
        {
            await Execute(connection, "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_level = NOTICE; " +
                "SET client_min_messages = NOTICE; SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off;");
            await query();
        }
        finally
        {
            connection.Notice -= Collect;
            await Execute(connection, "RESET ALL;");
            await db.Database.CloseConnectionAsync();
        }

        return string.Join("\n", plans);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
