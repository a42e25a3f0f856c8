using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alliance.Probes.Tests;

/// <summary>
/// The kernel's input rules, one example of each kind with the exact answer (the generated probe covers the rest):
/// refused characters, paging edges, malformed and incomplete JSON, null elements, the date range, the item cap,
/// a refused character in the path; German by default, English on request.
/// </summary>
[Collection(ProbeApp.Collection)]
public sealed class InputRulesTests(ProbeApp app)
{
    private static async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> PostAsync(HttpClient client, string url, string json)
    {
        // Sent as curl sends a large body: with "Expect: 100-continue", so a refused body is not sent at all. Without
        // it the server answers 413 and closes while the client may still be writing: a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string[] ErrorsOf(JsonNode? body, string field) =>
        body?["errors"]?[field]?.AsArray().Select(e => (string)e!).ToArray() ?? [];

    [Theory]
    [InlineData("a\\u0000b@allianz.example")]
    [InlineData("\\ufffe")]
    [InlineData("\\ud800@allianz.example")]
    public async Task A_login_email_with_a_refused_character_is_a_400_naming_the_field(string email)
    {
        var (status, mediaType, body) = await PostAsync(app.Anonymous(), "/api/members/account/login", $"{{\"email\":\"{email}\",\"password\":\"x\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(["Der Text enthält unzulässige Steuerzeichen."], ErrorsOf(body, "email"));
    }

    [Fact]
    public async Task A_refused_character_in_the_query_is_a_400_naming_the_parameter_in_English_on_request()
    {
        var staff = await app.ClientAsync("staff");
        using var response = await staff.GetAsync("/api/members/organizations?search=a%00b&culture=en&ui-culture=en");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The input is not valid.", (string?)body?["title"]);
        Assert.Equal(["The text contains characters that are not allowed."], ErrorsOf(body, "search"));
    }

    [Theory]
    [InlineData(2147483647, 200)]
    [InlineData(-5, 25)]
    [InlineData(0, 0)]
    public async Task Any_page_number_answers_a_real_page(int page, int pageSize)
    {
        var staff = await app.ClientAsync("staff");
        using var response = await staff.GetAsync($"/api/members/organizations?page={page}&pageSize={pageSize}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var total = (int)body["totalCount"]!;
        var size = (int)body["pageSize"]!;
        var expectedPage = page < 1 ? 1 : Math.Max(1, (int)Math.Ceiling(total / (double)size));
        Assert.Equal(expectedPage, (int)body["page"]!);
        Assert.NotEmpty(body["items"]!.AsArray());
    }

    [Fact]
    public async Task Malformed_json_is_a_field_error_without_framework_text()
    {
        var staff = await app.ClientAsync("staff");
        var (status, mediaType, body) = await PostAsync(staff, "/api/meetings", "{\"title\":");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.NotEmpty(((JsonObject)body!["errors"]!).Select(e => e.Key));
        Assert.DoesNotContain("Implicit", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("parameter", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_body_is_a_field_error_without_framework_text()
    {
        var staff = await app.ClientAsync("staff");
        using var response = await staff.PostAsync("/api/meetings", null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Anfrage braucht einen Inhalt."], ErrorsOf(JsonNode.Parse(text), "body"));
        Assert.DoesNotContain("Implicit", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_meeting_is_a_400_listing_the_missing_members()
    {
        var staff = await app.ClientAsync("staff");
        var (status, _, body) = await PostAsync(staff, "/api/meetings", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var field in new[] { "title", "kind", "startsAtLocal", "endsAtLocal", "capacity" })
        {
            Assert.Equal(["Bitte geben Sie einen Wert an."], ErrorsOf(body, field));
        }
    }

    [Fact]
    public async Task A_null_action_item_is_a_400_on_action_items_and_stores_nothing()
    {
        var staff = await app.ClientAsync("staff");
        var item = (Guid)(await app.QueryAsync("select \"Id\" from meetings.agenda_items limit 1")).Single()[0]!;
        await using var counts = await RowCounts.ForAsync(app);
        var before = await counts.CountAsync();

        var (status, _, body) = await PostAsync(staff, $"/api/meetings/agenda/{item}/decisions", "{\"text\":\"x\",\"actionItems\":[null]}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Die Liste enthält einen leeren Eintrag."], ErrorsOf(body, "actionItems"));
        Assert.Equal(before, await counts.CountAsync());
    }

    [Fact]
    public async Task More_action_items_than_the_cap_are_a_400()
    {
        var staff = await app.ClientAsync("staff");
        var item = (Guid)(await app.QueryAsync("select \"Id\" from meetings.agenda_items limit 1")).Single()[0]!;
        var items = string.Join(",", Enumerable.Repeat("{\"title\":\"t\"}", 1001));

        var (status, _, body) = await PostAsync(staff, $"/api/meetings/agenda/{item}/decisions", $"{{\"text\":\"x\",\"actionItems\":[{items}]}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Die Liste hat zu viele Einträge."], ErrorsOf(body, "actionItems"));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("1999-12-31T10:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    public async Task A_date_outside_2000_to_2100_is_a_400_on_its_field(string startsAt)
    {
        var staff = await app.ClientAsync("staff");
        var json = $"{{\"title\":\"Probe\",\"kind\":\"Plenary\",\"startsAtLocal\":\"{startsAt}\",\"endsAtLocal\":\"2027-01-01T12:00:00\",\"timeZone\":null,\"place\":null,\"onlineLink\":null,\"capacity\":10}}";

        var (status, _, body) = await PostAsync(staff, "/api/meetings", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Das Datum muss zwischen dem 01.01.2000 und dem 31.12.2100 liegen."], ErrorsOf(body, "startsAtLocal"));
    }

    [Fact]
    public async Task A_nul_in_the_path_is_refused_by_the_server_before_the_application()
    {
        // Kestrel refuses a decoded NUL in the request line itself (a bare 400); no middleware runs for it.
        var staff = await app.ClientAsync("staff");
        using var response = await staff.GetAsync("/api/labs/%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/labs/%EF%BF%BE")]
    [InlineData("/api/members/organizations/a%EF%BF%BFb")]
    public async Task A_refused_character_in_the_path_answers_problem_details(string path)
    {
        var staff = await app.ClientAsync("staff");
        using var response = await staff.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Die Adresse enthält unzulässige Zeichen.", (string?)JsonNode.Parse(text)?["title"]);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_a_413_problem()
    {
        var staff = await app.ClientAsync("staff");
        var (status, mediaType, body) = await PostAsync(staff, "/api/meetings", $"{{\"title\":\"{new string('x', 1_100_000)}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("Die Anfrage ist zu groß.", (string?)body?["title"]);
    }

    [Theory]
    [InlineData("de", "Die Anfrage ist zu groß.", "Was Sie gesendet haben, ist größer als erlaubt")]
    [InlineData("en", "The request is too large.", "What you sent is larger than allowed")]
    public async Task A_body_over_the_limit_is_a_localized_413_for_the_api_and_a_form_post_and_logs_no_error(string language, string title, string pageText)
    {
        var staff = await app.ClientAsync("staff");
        var logged = app.Logs.Entries.Count;
        var query = $"?culture={language}&ui-culture={language}";

        var (status, mediaType, body) = await PostAsync(staff, "/api/meetings" + query, $"{{\"title\":\"{new string('x', 1_100_000)}\"}}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(title, (string?)body?["title"]);

        using var formPost = new HttpRequestMessage(HttpMethod.Post, "/meetings/new" + query)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "new-meeting",
                ["Input.Title"] = new string('x', 1_100_000),
            }),
        };
        formPost.Headers.ExpectContinue = true;
        using var form = await staff.SendAsync(formPost);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains(pageText, WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The client's doing, not the server's: a warning at most, never an error entry.
        var entries = app.Logs.Entries.Skip(logged).ToList();
        Assert.DoesNotContain(entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_field_error()
    {
        var staff = await app.ClientAsync("staff");
        var (status, _, body) = await PostAsync(staff, "/api/meetings", "{\"title\":\"x\",\"capacity\":\"many\"}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Dieser Wert ist nicht zulässig."], ErrorsOf(body, "capacity"));
    }
}
