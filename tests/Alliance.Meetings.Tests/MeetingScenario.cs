using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>Test set-up helpers: meetings created through the real use cases, extra people for load tests.</summary>
internal static class MeetingScenario
{
    public static async Task<Guid> CreateMeetingAsync(AllianceApp app, int capacity, DateTime? startLocal = null, IReadOnlyList<Guid>? organizations = null)
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var start = startLocal ?? AllianceClock.Today.AddDays(30).AddHours(18);
        return await app.SendAsync(new CreateMeeting("Testtreffen " + Guid.NewGuid().ToString("N")[..6], MeetingKind.NetworkMeeting, start, start.AddHours(2),
            "Europe/Berlin", "Rathaus", null, capacity, Audience: organizations is null ? AudienceKind.AllMembers : AudienceKind.ChosenOrganizations,
            OrganizationIds: organizations), staff);
    }

    public static Task<T> DbAsync<T>(AllianceApp app, Func<MeetingsDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<MeetingsDbContext>()));

    public static Task<Guid> PersonIdAsync(AllianceApp app, string email) =>
        ScalarAsync<Guid>(app, "SELECT \"Id\" FROM members.people WHERE \"Email\" = @p", email);

    public static Task<Guid> OrganizationOfAsync(AllianceApp app, Guid personId) =>
        ScalarAsync<Guid>(app, "SELECT \"OrganizationId\" FROM members.people WHERE \"Id\" = @p", personId);

    /// <summary>Adds people (own organisation each) directly to the directory, for load tests only; with
    /// <paramref name="mailConsent"/> they agree to e-mail, so registrations queue mails for them.</summary>
    public static async Task<List<Guid>> AddPeopleAsync(AllianceApp app, int count, bool mailConsent = false)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var organizationId = Guid.NewGuid();
            var personId = Guid.NewGuid();
            await using var command = new NpgsqlCommand("""
                INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "SizeClass", "IsActive", "CreatedAt", "UpdatedAt")
                VALUES (@o, @n, upper(@n), 0, 0, true, now(), now());
                INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "OrganizationId", "PreferredLanguage", "ConsentContactByEmail",
                    "ConsentNameVisible", "CreatedAt", "UpdatedAt")
                VALUES (@p, 'Last', @l, @e, @o, 'de', @consent, false, now(), now());
                """, connection);
            command.Parameters.AddWithValue("o", organizationId);
            command.Parameters.AddWithValue("n", $"Lasttest {personId:N}");
            command.Parameters.AddWithValue("p", personId);
            command.Parameters.AddWithValue("l", $"Person {i}");
            command.Parameters.AddWithValue("e", $"last{personId:N}@example.org");
            command.Parameters.AddWithValue("consent", mailConsent);
            await command.ExecuteNonQueryAsync();
            ids.Add(personId);
        }

        return ids;
    }

    private static async Task<T> ScalarAsync<T>(AllianceApp app, string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task<List<Registration>> RegistrationsAsync(AllianceApp app, Guid meetingId) =>
        DbAsync(app, db => db.Registrations.AsNoTracking().Where(r => r.MeetingId == meetingId).ToListAsync());
}
