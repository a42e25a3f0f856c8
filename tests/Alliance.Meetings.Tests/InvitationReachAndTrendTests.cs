using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Pages;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Resources;
using Alliance.Shared.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 10: before invitations go out the sender sees how many invitees get no mail ("3 von 40 Eingeladenen bekommen
/// keine E-Mail"), counted like the invitations themselves; the meeting page charts how registrations came in, by day in
/// the alliance's zone, counted in SQL.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class InvitationReachAndTrendTests(AllianceApp app)
{
    [Fact]
    public async Task The_reach_counts_the_invitees_without_consent_or_address_exactly_as_the_invitations_then_do()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        // One consents, two do not; one has no address at all (the directory's contacts leave such people out, so
        // invitations do too).
        var organization = await AddOrganizationAsync("Reichweite GmbH", (true, true), (true, false), (false, true), (false, true));
        var reach = await app.SendAsync(new GetInvitationReach(AudienceKind.ChosenOrganizations, OrganizationIds: [organization]), staff);
        Assert.Equal(new InvitationReach(3, 2), reach);

        var meetingId = await MeetingScenario.CreateMeetingAsync(app, 10, organizations: [organization]);
        var invited = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal(reach.Invitees, invited.Count);
        var mailed = await app.WithScopeAsync(sp => sp.GetRequiredService<MeetingsDbContext>().Database
            .SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM meetings.outbox_messages WHERE payload::text LIKE {$"%@{organization:N}.example.org%"} AND type = 'mail.email-requested'")
            .SingleAsync());
        Assert.Equal(reach.Invitees - reach.WithoutMail, mailed);

        // Nobody chosen, no lab: nobody invited. Everyone: as many as the directory's contacts.
        Assert.Equal(new InvitationReach(0, 0), await app.SendAsync(new GetInvitationReach(AudienceKind.ChosenOrganizations, OrganizationIds: []), staff));
        Assert.Equal(new InvitationReach(0, 0), await app.SendAsync(new GetInvitationReach(AudienceKind.Lab), staff));
        Assert.True((await app.SendAsync(new GetInvitationReach(AudienceKind.AllMembers), staff)).WithoutMail >= 2);

        // Representatives may not ask.
        var representative = await app.PrincipalAsync(DemoUsers.Representative);
        await Assert.ThrowsAnyAsync<Exception>(() => app.SendAsync(new GetInvitationReach(AudienceKind.AllMembers), representative));
    }

    [Theory]
    [InlineData("de", 40, 3, "3 von 40 Eingeladenen bekommen keine E-Mail (keine Einwilligung oder keine Adresse).")]
    [InlineData("de", 40, 1, "1 von 40 Eingeladenen bekommt keine E-Mail (keine Einwilligung oder keine Adresse).")]
    [InlineData("de", 1, 1, "Die eingeladene Person bekommt keine E-Mail (keine Einwilligung oder keine Adresse).")]
    [InlineData("de", 5, 5, "Keine der 5 eingeladenen Personen bekommt eine E-Mail (keine Einwilligung oder keine Adresse).")]
    [InlineData("de", 40, 0, "Alle 40 Eingeladenen bekommen die Einladung per E-Mail.")]
    [InlineData("de", 0, 0, "Diese Auswahl lädt niemanden ein.")]
    [InlineData("en", 40, 3, "3 of 40 invitees get no e-mail (no consent or no address).")]
    [InlineData("en", 40, 1, "1 of 40 invitees gets no e-mail (no consent or no address).")]
    [InlineData("en", 1, 0, "The one invitee gets the invitation by e-mail.")]
    [InlineData("en", 2, 2, "None of the 2 invitees gets an e-mail (no consent or no address).")]
    public async Task The_sentence_uses_singular_and_plural_in_both_languages(string language, int invitees, int withoutMail, string expected)
    {
        var text = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IStringLocalizer<MeetingsText>>()));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            Assert.Equal(expected, AudienceReach.Describe(text, invitees, withoutMail));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task The_new_meeting_page_says_before_saving_how_many_invitees_get_no_mail()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        await AddOrganizationAsync("Ohne Einwilligung eG", (false, true));
        var everyone = await app.SendAsync(new GetInvitationReach(AudienceKind.AllMembers), staff);
        Assert.True(everyone.WithoutMail > 0);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var form in new[] { "/meetings/new", "/meetings/series/new" })
        {
            var sentence = ReachSentence().Match(WebUtility.HtmlDecode(await client.GetStringAsync(form)));
            Assert.True(sentence.Success, $"no #audience-reach on {form}");
            var noun = everyone.WithoutMail == 1 ? "bekommt" : "bekommen";
            Assert.Equal($"{everyone.WithoutMail} von {everyone.Invitees} Eingeladenen {noun} keine E-Mail (keine Einwilligung oder keine Adresse).", sentence.Groups[1].Value);
        }
    }

    [Fact]
    public async Task Registrations_over_time_are_counted_per_alliance_day_and_charted_on_the_meeting_page()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var organization = await AddOrganizationAsync("Verlauf AG", (true, true), (true, true), (true, true));
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, 2, organizations: [organization]);
        var people = (await MeetingScenario.RegistrationsAsync(app, meetingId)).Select(r => r.PersonId).ToList();
        foreach (var person in people)
        {
            await app.SendAsync(new Register(meetingId, person), staff);
        }

        // The first said yes at 23:30 UTC on 2 June: 3 June in Berlin. The second on 5 June; the third (waitlist) stays today.
        await SetRespondedAsync(meetingId, people[0], new DateTimeOffset(2026, 6, 2, 23, 30, 0, TimeSpan.Zero));
        await SetRespondedAsync(meetingId, people[1], new DateTimeOffset(2026, 6, 5, 10, 0, 0, TimeSpan.Zero));
        var trend = await app.SendAsync(new GetRegistrationTrend(meetingId), staff);
        var today = AllianceTime.Today(TimeProvider.System);
        Assert.Equal(
            [new RegistrationDay(new DateOnly(2026, 6, 3), 1, 0), new RegistrationDay(new DateOnly(2026, 6, 5), 2, 0), new RegistrationDay(today, 2, 1)],
            trend);

        // A cancelled registration no longer counts.
        await app.SendAsync(new CancelRegistration(meetingId, people[1]), staff);
        Assert.Equal(2, (await app.SendAsync(new GetRegistrationTrend(meetingId), staff))[^1].Registered);

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var html = await client.GetStringAsync($"/meetings/{meetingId}");
        Assert.Contains("id=\"registration-trend\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Anmeldungen im Zeitverlauf</caption>", html, StringComparison.Ordinal);
        Assert.Contains(">03.06.2026</th>", html, StringComparison.Ordinal);

        // Only for those who manage the meeting.
        await Assert.ThrowsAnyAsync<Exception>(async () => await app.SendAsync(new GetRegistrationTrend(meetingId), await app.PrincipalAsync(DemoUsers.Representative)));
    }

    private async Task SetRespondedAsync(Guid meetingId, Guid personId, DateTimeOffset at)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""UPDATE meetings.registrations SET "RespondedAt" = @at WHERE "MeetingId" = @m AND "PersonId" = @p""", connection);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("m", meetingId);
        command.Parameters.AddWithValue("p", personId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>An active organisation with one person per (consents to e-mail, has an address) pair.</summary>
    private async Task<Guid> AddOrganizationAsync(string name, params (bool Consent, bool HasAddress)[] people)
    {
        var organizationId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""
            INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "SizeClass", "IsActive", "CreatedAt", "UpdatedAt")
            VALUES (@o, @n, upper(@n), 0, 0, true, now(), now())
            """, connection))
        {
            command.Parameters.AddWithValue("o", organizationId);
            command.Parameters.AddWithValue("n", $"{name} {organizationId:N}");
            await command.ExecuteNonQueryAsync();
        }

        foreach (var (consent, hasAddress) in people)
        {
            var personId = Guid.NewGuid();
            await using var command = new NpgsqlCommand("""
                INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "OrganizationId", "PreferredLanguage", "ConsentContactByEmail",
                    "ConsentNameVisible", "CreatedAt", "UpdatedAt")
                VALUES (@p, 'Rea', @l, @e, @o, 'de', @c, false, now(), now())
                """, connection);
            command.Parameters.AddWithValue("p", personId);
            command.Parameters.AddWithValue("l", $"Person {personId:N}"[..20]);
            command.Parameters.AddWithValue("e", hasAddress ? $"r{personId:N}@{organizationId:N}.example.org" : DBNull.Value);
            command.Parameters.AddWithValue("o", organizationId);
            command.Parameters.AddWithValue("c", consent);
            await command.ExecuteNonQueryAsync();
        }

        return organizationId;
    }

    [GeneratedRegex("""id="audience-reach"[^>]*>([^<]*)<""")]
    private static partial Regex ReachSentence();
}
