using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Alliance.Members.Tests;

/// <summary>The organisation directory: paging, filters, and the CSV export read back by a real CSV reader.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class OrganizationListTests(AllianceApp app)
{
    [Fact]
    public async Task Pages_cover_every_active_organisation_exactly_once()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var first = await staff.GetJsonAsync("/api/members/organizations?pageSize=15&page=1");
        var total = first.GetProperty("totalCount").GetInt32();
        Assert.True(total >= 40, $"the demo alliance has about 40 organisations, got {total}");
        Assert.Equal(15, first.GetProperty("items").GetArrayLength());

        var names = new List<string>();
        for (var page = 1; page <= (total + 14) / 15; page++)
        {
            var result = await staff.GetJsonAsync($"/api/members/organizations?pageSize=15&page={page}");
            names.AddRange(result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
        }

        Assert.Equal(total, names.Count);
        Assert.Equal(total, names.Distinct().Count());
    }

    [Fact]
    public async Task Filters_by_partner_group_district_size_and_search_combine()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var science = await representative.GetJsonAsync("/api/members/organizations?partnerGroup=Science");
        Assert.Equal(3, science.GetProperty("totalCount").GetInt32());
        Assert.All(science.GetProperty("items").EnumerateArray(), i => Assert.Equal("Science", i.GetProperty("partnerGroup").GetString()));

        var altstadtRetail = await representative.GetJsonAsync("/api/members/organizations?partnerGroup=Company&district=Altstadt&search=einzelhandel");
        var names = altstadtRetail.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Modehaus Brandt", "Schuhhaus Richter"], names);

        var large = await representative.GetJsonAsync("/api/members/organizations?sizeClass=Large");
        Assert.All(large.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("employeeCount").GetInt32() >= 250));
        Assert.Contains(large.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Sparkasse");

        var none = await representative.GetJsonAsync("/api/members/organizations?search=%25_");
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_unknown_filter_value_is_a_bad_request()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/members/organizations?partnerGroup=Foo")).StatusCode);
    }

    [Fact]
    public async Task Staff_export_the_filtered_directory_as_csv_for_German_Excel()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.GetAsync("/api/members/organizations/export.csv?partnerGroup=Chamber");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        var rows = ReadCsv(bytes);
        Assert.Equal(["Name", "Partnergruppe", "Branche", "Größenklasse", "Beschäftigte", "Stadtteil", "Straße", "PLZ", "Ort", "Website", "Mitglied seit", "Mitglied bis", "Aktiv"], rows[0]);
        Assert.Equal(["Handwerkskammer", "Industrie- und Handelskammer"], rows.Skip(1).Select(r => r[0]).ToList());
        Assert.All(rows.Skip(1), r => Assert.Equal("Kammer", r[1]));
        Assert.Equal("90", rows[1][4]);
        Assert.Matches(@"^\d{2}\.\d{2}\.\d{4}$", rows[1][10]);
    }

    [Fact]
    public async Task The_export_speaks_English_and_escapes_formulas()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var create = await staff.PostAsync("/api/members/organizations", JsonContent("""{"name":"=HYPERLINK(\"http://x\")","partnerGroup":"School","sector":"Schule"}"""));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);

        var rows = ReadCsv(await staff.GetByteArrayAsync("/api/members/organizations/export.csv?partnerGroup=School&culture=en"));

        Assert.Equal("Partner group", rows[0][1]);
        Assert.Equal("Active", rows[0][12]);
        var formula = Assert.Single(rows, r => r[0].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.False(formula[0].StartsWith('='), "a cell starting with = would run as a formula in Excel");
        Assert.Equal("School", formula[1]);
        Assert.Equal("Yes", formula[12]);
    }

    [Fact]
    public async Task Only_staff_may_export()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/members/organizations/export.csv")).StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ';', HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
