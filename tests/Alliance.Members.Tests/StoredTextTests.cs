using System.Net;
using System.Net.Http.Json;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>
/// Every stored text has one maximum shared by validator and column: a value at the maximum is stored, one more
/// character is a localized 400 — never a 500 from PostgreSQL.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class StoredTextTests(AllianceApp app)
{
    private static readonly Dictionary<(string Table, string Column), int> Expected = new()
    {
        [("people", "FirstName")] = PersonLengths.FirstName,
        [("people", "LastName")] = PersonLengths.LastName,
        [("people", "Email")] = PersonLengths.Email,
        [("people", "Phone")] = PersonLengths.Phone,
        [("people", "Function")] = PersonLengths.Function,
        [("people", "PreferredLanguage")] = PersonLengths.PreferredLanguage,
        [("organizations", "Name")] = OrganizationLengths.Name,
        [("organizations", "NormalizedName")] = OrganizationLengths.Name,
        [("organizations", "Sector")] = OrganizationLengths.Sector,
        [("organizations", "District")] = OrganizationLengths.District,
        [("organizations", "Street")] = OrganizationLengths.Street,
        [("organizations", "PostalCode")] = OrganizationLengths.PostalCode,
        [("organizations", "City")] = OrganizationLengths.City,
        [("organizations", "Website")] = OrganizationLengths.Website,
    };

    /// <summary>A syntactically valid address of exactly <paramref name="length"/> characters (local part 64).</summary>
    private static string Address(int length)
    {
        var local = new string('a', 64);
        var domainLabels = new string('b', 60) + "." + new string('c', 60) + ".";
        var last = length - local.Length - 1 - domainLabels.Length - ".example".Length;
        return $"{local}@{domainLabels}{new string('d', last)}.example";
    }

    [Fact]
    public async Task Every_column_is_exactly_as_long_as_its_validator_allows()
    {
        var columns = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MembersDbContext>();
            return await db.Database.SqlQueryRaw<ColumnLength>("""
                SELECT table_name AS "Table", column_name AS "Column", character_maximum_length AS "Length"
                FROM information_schema.columns
                WHERE table_schema = 'members' AND table_name IN ('people', 'organizations') AND data_type = 'character varying'
                """).ToListAsync();
        });

        foreach (var ((table, column), length) in Expected)
        {
            var actual = Assert.Single(columns, c => c.Table == table && c.Column == column);
            Assert.Equal(length, actual.Length);
        }

        // No text column without a shared maximum.
        Assert.All(columns, c => Assert.True(Expected.ContainsKey((c.Table, c.Column)), $"{c.Table}.{c.Column} has no shared maximum"));
    }

    [Fact]
    public async Task A_person_at_every_maximum_is_stored_and_one_character_more_is_refused_in_German()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(254, Address(254).Length);

        var longest = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(
            ("firstName", new string('F', PersonLengths.FirstName)), ("lastName", new string('L', PersonLengths.LastName)),
            ("email", Address(PersonLengths.Email)), ("function", new string('x', PersonLengths.Function)),
            ("phone", "+" + new string('1', PersonLengths.Phone - 1))));
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);

        var tooLong = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(
            ("email", Address(PersonLengths.Email + 1)), ("function", new string('x', PersonLengths.Function + 1))));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = await DirectoryTestData.ProblemErrorsAsync(tooLong);
        Assert.Equal("Höchstens 254 Zeichen.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Höchstens 150 Zeichen.", errors.GetProperty("function")[0].GetString());

        // "+" and 50 digits passed the phone pattern but not the 50-character column: a 500 before.
        var phone = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(("phone", "+" + new string('1', 50))));
        Assert.Equal(HttpStatusCode.BadRequest, phone.StatusCode);
        Assert.Equal("Höchstens 50 Zeichen.", (await DirectoryTestData.ProblemErrorsAsync(phone)).GetProperty("phone")[0].GetString());
    }

    [Fact]
    public async Task An_organisation_at_every_maximum_is_stored_and_a_longer_website_is_refused_in_English()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var website = "https://example.org/" + new string('p', OrganizationLengths.Website - "https://example.org/".Length);

        var longest = await staff.PostAsJsonAsync("/api/members/organizations", new
        {
            name = new string('N', OrganizationLengths.Name - 8) + Guid.NewGuid().ToString("N")[..8],
            partnerGroup = "Company",
            sector = new string('s', OrganizationLengths.Sector),
            district = new string('d', OrganizationLengths.District),
            street = new string('t', OrganizationLengths.Street),
            city = new string('c', OrganizationLengths.City),
            website,
        });
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);

        // A website over the column's length passed the URL rule: a 500 before.
        var tooLong = await staff.PostAsJsonAsync("/api/members/organizations?culture=en", new
        {
            name = "Zu lang " + Guid.NewGuid().ToString("N"),
            partnerGroup = "Company",
            website = website + "p",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("At most 300 characters.", (await DirectoryTestData.ProblemErrorsAsync(tooLong)).GetProperty("website")[0].GetString());
    }

    private sealed record ColumnLength(string Table, string Column, int? Length);
}
