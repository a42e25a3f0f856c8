using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 7, "contact data freshness": Meetings reads a registrant's address and e-mail consent from Members when it sends,
/// so a withdrawn consent stops mail at once and a changed address is used at once.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class ContactFreshnessTests(AllianceApp app)
{
    [Fact]
    public async Task A_withdrawn_consent_stops_meeting_mail_at_once_and_a_changed_address_is_used_at_once()
    {
        var (withdrawing, withdrawingOrganization, withdrawingAddress) = await AddPersonAsync();
        var (moving, movingOrganization, oldAddress) = await AddPersonAsync();
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10, organizations: [withdrawingOrganization, movingOrganization]);
        await app.WaitForMailAsync(withdrawingAddress, "Einladung");
        await app.WaitForMailAsync(oldAddress, "Einladung");

        var newAddress = $"neu{Guid.NewGuid():N}@example.org";
        await ExecuteAsync("""UPDATE members.people SET "ConsentContactByEmail" = false WHERE "Id" = @p""", withdrawing);
        await ExecuteAsync($"""UPDATE members.people SET "Email" = '{newAddress}' WHERE "Id" = @p""", moving);

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var meeting = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        var start = AllianceClock.Today.AddDays(33).AddHours(18);
        var moved = await staff.PutAsJsonAsync($"/api/meetings/{meetingId}/schedule",
            new { startsAtLocal = start, endsAtLocal = start.AddHours(2), place = "Rathaus", version = meeting.Version });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);

        await app.WaitForMailAsync(newAddress, "Geänderter Termin");
        Assert.DoesNotContain(await app.MailsToAsync(withdrawingAddress), m => m.Subject.Contains("Geänderter Termin", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.MailsToAsync(oldAddress), m => m.Subject.Contains("Geänderter Termin", StringComparison.Ordinal));
        var copies = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Null(Assert.Single(copies, r => r.PersonId == withdrawing).Email);
        Assert.Equal(newAddress, Assert.Single(copies, r => r.PersonId == moving).Email);
    }

    private async Task<(Guid Person, Guid Organization, string Address)> AddPersonAsync()
    {
        var person = Guid.NewGuid();
        var organization = Guid.NewGuid();
        var address = $"frisch{person:N}@example.org";
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "SizeClass", "IsActive", "CreatedAt", "UpdatedAt")
            VALUES (@o, @n, upper(@n), 0, 0, true, now(), now());
            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "OrganizationId", "PreferredLanguage", "ConsentContactByEmail",
                "ConsentNameVisible", "CreatedAt", "UpdatedAt")
            VALUES (@p, 'Frieda', 'Frisch', @e, @o, 'de', true, true, now(), now());
            """, connection);
        command.Parameters.AddWithValue("o", organization);
        command.Parameters.AddWithValue("n", $"Frischdienst {person:N}");
        command.Parameters.AddWithValue("p", person);
        command.Parameters.AddWithValue("e", address);
        await command.ExecuteNonQueryAsync();
        return (person, organization, address);
    }

    private async Task ExecuteAsync(string sql, Guid person)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", person);
        await command.ExecuteNonQueryAsync();
    }
}
