using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;

namespace Alliance.Notifications.Tests;

/// <summary>
/// Each kind arrives in-app for the right people and by mail in the recipient's language, through the real Labs use
/// cases and the outboxes; names and addresses only where the named person's consent allows.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class NotificationKindsTests(AllianceApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Berlin"));

    [Fact]
    public async Task Membership_request_reaches_the_coordinator_and_the_decisions_reach_the_requesters_in_their_language()
    {
        var lab = await app.RetailLabAsync();
        var brandt = (await app.PrincipalAsync(DemoUsers.Representative)).PersonId();
        var kaiser = await app.CreateRepresentativeAsync("Elektro Kaiser Benachrichtigung", "Petra", "Kaiser", "kaiser@notify.example", language: "en");
        var schmidt = await app.CreateRepresentativeAsync("Schmidt Beratung", "Jan", "Schmidt", "schmidt@notify.example", language: "de");
        using var kaiserClient = await app.SignedInAsync("kaiser@notify.example");
        using var schmidtClient = await app.SignedInAsync("schmidt@notify.example");
        using var brandtClient = await app.SignedInAsync(DemoUsers.Representative);

        var request = await (await kaiserClient.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = "Wir liefern mit dem Lastenrad." })).CreatedIdAsync();

        // The coordinator (German): in-app and by mail, with the link to the lab where he decides.
        var asked = await app.WaitForNotificationAsync(brandt, "MembershipRequested");
        Assert.Equal($"/labs/{lab}", asked.Link);
        var mail = await app.WaitForMailAsync(DemoUsers.Representative, "Neue Beitrittsanfrage für „Handel der Zukunft“");
        Assert.Contains("Elektro Kaiser Benachrichtigung möchte im Reallabor „Handel der Zukunft“ mitmachen.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/labs/{lab}", mail.TextBody, StringComparison.Ordinal);
        var list = await brandtClient.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("text").GetString() == "Elektro Kaiser Benachrichtigung möchte im Reallabor „Handel der Zukunft“ mitmachen.");
        var english = await brandtClient.GetFromJsonAsync<JsonElement>("/api/notifications?culture=en&ui-culture=en");
        Assert.Contains(english.GetProperty("items").EnumerateArray(), i => i.GetProperty("text").GetString() == "Elektro Kaiser Benachrichtigung asks to join the lab “Handel der Zukunft”.");

        // Approved: Ms Kaiser reads English.
        Assert.Equal(HttpStatusCode.OK, (await brandtClient.PostAsJsonAsync($"/api/labs/membership-requests/{request}/approve", new { role = "Partner" })).StatusCode);
        await app.WaitForNotificationAsync(kaiser, "MembershipApproved");
        var welcome = await app.WaitForMailAsync("kaiser@notify.example", "Welcome to the lab “Handel der Zukunft”");
        Assert.Contains("your organisation is now a member", welcome.TextBody, StringComparison.Ordinal);

        // Declined: Mr Schmidt reads German, with the reason.
        var second = await (await schmidtClient.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = "Beratung" })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await brandtClient.PostAsJsonAsync($"/api/labs/membership-requests/{second}/decline", new { reason = "Das Labor ist für Händler." })).StatusCode);
        await app.WaitForNotificationAsync(schmidt, "MembershipDeclined");
        var declined = await app.WaitForMailAsync("schmidt@notify.example", "Beitrittsanfrage abgelehnt: Handel der Zukunft");
        Assert.Contains("Begründung: Das Labor ist für Händler.", declined.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.NotificationsOfAsync(kaiser), n => n.TextKey == "MembershipDeclined");
    }

    [Fact]
    public async Task A_proposal_answer_reaches_the_proposer_and_every_supporter()
    {
        var proposer = await app.CreateRepresentativeAsync("Vorschlag GmbH", "Vera", "Vorschlag", "vera@notify.example", language: "en");
        var supporter = await app.CreateRepresentativeAsync("Unterstützer AG", "Uwe", "Unterstützer", "uwe@notify.example", language: "de");
        using var vera = await app.SignedInAsync("vera@notify.example");
        using var uwe = await app.SignedInAsync("uwe@notify.example");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var proposal = await (await vera.PostAsJsonAsync("/api/labs/proposals", new { title = "Nachtmarkt", description = "Ein Markt am Abend." })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await uwe.PostAsync($"/api/labs/proposals/{proposal}/supports", null)).StatusCode);
        var version = (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{proposal}")).GetProperty("version").GetUInt32();
        var answered = await staff.PostAsJsonAsync($"/api/labs/proposals/{proposal}/answer", new { proposalId = proposal, version, answer = "Decline", reason = "Zu teuer." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var toVera = await app.WaitForMailAsync("vera@notify.example", "Answer to the topic proposal “Nachtmarkt”");
        Assert.Contains("Reason: Zu teuer.", toVera.TextBody, StringComparison.Ordinal);
        var toUwe = await app.WaitForMailAsync("uwe@notify.example", "Antwort auf den Themenvorschlag „Nachtmarkt“");
        Assert.Contains("Begründung: Zu teuer.", toUwe.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/labs/proposals/{proposal}", (await app.WaitForNotificationAsync(proposer, "ProposalAnswered_Declined")).Link);
        await app.WaitForNotificationAsync(supporter, "ProposalAnswered_Declined");
    }

    [Fact]
    public async Task A_match_reaches_both_sides_with_the_other_contact_only_as_far_as_consent_allows()
    {
        var teacher = await app.CreateRepresentativeAsync("Oberschule Benachrichtigung", "Sandra", "Lehmann", "lehmann@notify.example", PartnerGroup.School, "en");
        var company = await app.CreateRepresentativeAsync("Modehaus Benachrichtigung", "Max", "Mode", "mode@notify.example", language: "de");
        using var teacherClient = await app.SignedInAsync("lehmann@notify.example");
        using var companyClient = await app.SignedInAsync("mode@notify.example");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        // Mr Mode may be mailed but does not want his name shown to other members.
        await companyClient.SetConsentsAsync(contactByEmail: true, nameVisible: false);

        var need = await (await teacherClient.PostAsJsonAsync("/api/labs/needs", new { title = "Praktika 9c", quantity = 3 })).CreatedIdAsync();
        var offer = await (await companyClient.PostAsJsonAsync("/api/labs/offers", new { title = "Praktikum Verkauf", quantity = 1 })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/labs/needs/{need}/matches", new { offerIds = new[] { offer } })).StatusCode);

        var toTeacher = await app.WaitForMailAsync("lehmann@notify.example", "An offer for your need: Praktika 9c");
        Assert.Contains("Contact: mode@notify.example", toTeacher.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Max Mode", toTeacher.TextBody, StringComparison.Ordinal);
        var toCompany = await app.WaitForMailAsync("mode@notify.example", "Ihr Angebot wird gebraucht: Praktikum Verkauf");
        Assert.Contains("Kontakt: Sandra Lehmann, lehmann@notify.example", toCompany.TextBody, StringComparison.Ordinal);

        var teachersNote = await app.WaitForNotificationAsync(teacher, "MatchMade_Need_Contact");
        Assert.Equal($"/labs/needs/{need}", teachersNote.Link);
        Assert.DoesNotContain(teachersNote.Arguments, a => a.Contains("Max Mode", StringComparison.Ordinal));
        await app.WaitForNotificationAsync(company, "MatchMade_Offer_Contact");
    }

    [Fact]
    public async Task Action_items_reach_the_owner_person_or_the_owner_organisations_people_and_overdue_ones_remind_them()
    {
        var lab = await app.RetailLabAsync();
        // An owner person is a contact of one of the lab's member organisations: Ms Owner works at Modehaus Brandt.
        var owner = await app.CreateRepresentativeAsync("Modehaus Brandt", "Olga", "Owner", "olga@notify.example", language: "en");
        var first = await app.CreateRepresentativeAsync("Verein Aufgaben", "Erika", "Erste", "erika@notify.example", PartnerGroup.CivilSociety, "de");
        var second = await app.CreateRepresentativeAsync("Verein Aufgaben", "Zora", "Zweite", "zora@notify.example", PartnerGroup.CivilSociety, "de");
        var organization = (await app.SendAsync(new GetPeopleByIds([first]))).Single().OrganizationId!.Value;
        // An owner organisation is a member of the lab: Verein Aufgaben joined it (stored directly, so no membership
        // request mail reaches the coordinator and the neighbouring membership test).
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var join = new Npgsql.NpgsqlCommand("""
                INSERT INTO labs.organizations ("Id", "Name", "PartnerGroup", "SourceVersion")
                SELECT "Id", "Name", "PartnerGroup", 1 FROM members.organizations WHERE "Id" = @organization ON CONFLICT ("Id") DO NOTHING;
                INSERT INTO labs.memberships ("Id", "LabId", "OrganizationId", "Role", "RequestId", "JoinedAt", "LeftAt")
                VALUES (gen_random_uuid(), @lab, @organization, 1, NULL, now(), NULL);
                """, connection);
            join.Parameters.AddWithValue("organization", organization);
            join.Parameters.AddWithValue("lab", lab);
            await join.ExecuteNonQueryAsync();
        }

        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        using var zora = await app.SignedInAsync("zora@notify.example");
        await zora.SetConsentsAsync(contactByEmail: false, nameVisible: true);

        var due = Today.AddDays(7);
        (await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new { title = "Lieferzonen zeichnen", ownerPersonId = owner, dueDate = due.ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();
        var toOwner = await app.WaitForMailAsync("olga@notify.example", "New action item: Lieferzonen zeichnen");
        Assert.Contains("due", toOwner.TextBody, StringComparison.Ordinal);
        Assert.Equal("/labs/my-action-items", (await app.WaitForNotificationAsync(owner, "ActionItemAssigned_Due")).Link);

        (await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new { title = "Flyer verteilen", ownerOrganizationId = organization })).EnsureSuccessStatusCode();
        await app.WaitForMailAsync("erika@notify.example", "Neue Aufgabe: Flyer verteilen");
        await app.WaitForNotificationAsync(first, "ActionItemAssigned");
        await app.WaitForNotificationAsync(second, "ActionItemAssigned");
        await app.FlushNotificationsOutboxAsync();
        Assert.DoesNotContain(await app.MailsToAsync("zora@notify.example"), m => m.Subject.Contains("Flyer", StringComparison.Ordinal));

        // Overdue (the Labs job publishes this once per item and due date; its own test covers that): the date in the reader's language.
        await app.PublishAsync(new ActionItemOverdue(Guid.NewGuid(), "Bericht schreiben", owner, null, new DateOnly(2026, 9, 30)));
        var overdue = await app.WaitForMailAsync("olga@notify.example", "Overdue action item: Bericht schreiben");
        Assert.Contains("was due on 30 Sep", overdue.TextBody, StringComparison.Ordinal);
        await app.PublishAsync(new ActionItemOverdue(Guid.NewGuid(), "Bericht schreiben", null, organization, new DateOnly(2026, 9, 30)));
        var reminder = await app.WaitForMailAsync("erika@notify.example", "Überfällige Aufgabe: Bericht schreiben");
        Assert.Contains("war bis 30.09.2026 fällig", reminder.TextBody, StringComparison.Ordinal);
        await app.WaitForNotificationAsync(second, "ActionItemOverdue");
    }
}
