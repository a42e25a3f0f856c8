using System.Text;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Registrations;
using Alliance.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Mails carry the meeting as an iTIP message (.ics attachment, read back with ical.js): REQUEST on registration and
/// after every significant change (raised SEQUENCE, DTSTART at the new UTC instant), CANCEL on cancellation, REQUEST
/// again after the cancellation is withdrawn — with the registrations kept as they were.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class CalendarMailTests(AllianceApp app)
{
    private async Task<Guid> MailablePersonAsync(string language)
    {
        var person = (await MeetingScenario.AddPeopleAsync(app, 1))[0];
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE members.people SET \"PreferredLanguage\" = @l, \"ConsentContactByEmail\" = true WHERE \"Id\" = @p", connection);
        command.Parameters.AddWithValue("l", language);
        command.Parameters.AddWithValue("p", person);
        await command.ExecuteNonQueryAsync();
        return person;
    }

    private Task<string> EmailOfAsync(Guid personId) =>
        MeetingScenario.DbAsync(app, db => db.Registrations.Where(r => r.PersonId == personId).Select(r => r.Email!).FirstAsync());

    /// <summary>The mail's single .ics attachment as ical.js reads it.</summary>
    private async Task<(EmailMessageAttachment File, IcalEvent Event)> CalendarOfAsync(EmailMessage mail)
    {
        var attachments = await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Attachments.AsNoTracking()
            .Where(a => a.MessageId == mail.Id).ToListAsync());
        var file = Assert.Single(attachments);
        return (file, Assert.Single(await IcalJs.ReadEventsAsync(Encoding.UTF8.GetString(file.Content))));
    }

    private Task<Meeting> MeetingAsync(Guid meetingId) =>
        MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));

    [Fact]
    public async Task Registration_change_cancellation_and_reinstatement_mails_carry_the_updated_ics_in_utc()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        // A winter date (CET, UTC+1) moved into summer time (CEST, UTC+2): the offsets must come out of the file right.
        var year = AllianceClock.Today.Year + 1;
        var start = new DateTime(year, 1, 14, 18, 0, 0);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 1, startLocal: start, organizations: [Guid.NewGuid()]);
        var german = await MailablePersonAsync("de");
        var english = await MailablePersonAsync("en");
        Assert.Equal("Registered", (await app.SendAsync(new Register(meetingId, german), staff)).Status);
        Assert.Equal("Waitlisted", (await app.SendAsync(new Register(meetingId, english), staff)).Status);
        var germanEmail = await EmailOfAsync(german);
        var englishEmail = await EmailOfAsync(english);
        var uid = $"{meetingId}@alliance";

        var confirmation = await app.WaitForMailAsync(germanEmail, "Anmeldung bestätigt");
        var (file, registered) = await CalendarOfAsync(confirmation);
        Assert.StartsWith("text/calendar; method=REQUEST", file.ContentType, StringComparison.Ordinal);
        Assert.Equal("REQUEST", registered.Method);
        Assert.Equal(uid, registered.Uid);
        Assert.Equal(new DateTimeOffset(year, 1, 14, 17, 0, 0, TimeSpan.Zero), registered.Start);
        Assert.Equal(new DateTimeOffset(year, 1, 14, 19, 0, 0, TimeSpan.Zero), registered.End);
        Assert.Equal((await MeetingAsync(meetingId)).Sequence, registered.Sequence);
        // Waiting people get a confirmation with their place, and no calendar entry (they have no seat).
        var waiting = await app.WaitForMailAsync(englishEmail, "Waitlist");
        Assert.Contains("number 1 on the waitlist", waiting.TextBody, StringComparison.Ordinal);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Attachments.Where(a => a.MessageId == waiting.Id).ToListAsync()));

        // Moved into summer time: REQUEST with the raised SEQUENCE and the new UTC instant.
        var moved = new DateTime(year, 7, 2, 9, 30, 0);
        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        await app.SendAsync(new MoveMeeting(meetingId, moved, moved.AddHours(1), "Rathaus", null, version), staff);
        var (_, change) = await CalendarOfAsync(await app.WaitForMailAsync(germanEmail, "Geänderter Termin"));
        Assert.Equal("REQUEST", change.Method);
        Assert.Equal(registered.Sequence + 1, change.Sequence);
        Assert.Equal(new DateTimeOffset(year, 7, 2, 7, 30, 0, TimeSpan.Zero), change.Start);
        Assert.Equal(new DateTimeOffset(year, 7, 2, 8, 30, 0, TimeSpan.Zero), change.End);

        // Cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE up again; the waiting person is told without an entry.
        await app.SendAsync(new CancelMeeting(meetingId, "Raum gesperrt"), staff);
        var cancelMail = await app.WaitForMailAsync(germanEmail, "Abgesagt");
        Assert.Contains("Grund: Raum gesperrt", cancelMail.TextBody, StringComparison.Ordinal);
        var (cancelFile, cancelled) = await CalendarOfAsync(cancelMail);
        Assert.StartsWith("text/calendar; method=CANCEL", cancelFile.ContentType, StringComparison.Ordinal);
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(change.Sequence + 1, cancelled.Sequence);
        Assert.Equal(change.Start, cancelled.Start);
        await app.WaitForMailAsync(englishEmail, "Cancelled");
        var before = (await MeetingScenario.RegistrationsAsync(app, meetingId)).ToDictionary(r => r.PersonId, r => (r.Status, r.WaitlistPosition));

        // Only staff withdraw a cancellation.
        var representative = await app.PrincipalAsync(DemoUsers.Representative);
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ForbiddenException>(() => app.SendAsync(new ReinstateMeeting(meetingId), representative));

        await app.SendAsync(new ReinstateMeeting(meetingId), staff);
        var meeting = await MeetingAsync(meetingId);
        Assert.False(meeting.IsCancelled);
        Assert.Equal(cancelled.Sequence + 1, meeting.Sequence);
        var after = (await MeetingScenario.RegistrationsAsync(app, meetingId)).ToDictionary(r => r.PersonId, r => (r.Status, r.WaitlistPosition));
        Assert.Equal(before, after);
        Assert.Equal(RegistrationStatus.Registered, after[german].Status);
        Assert.Equal(RegistrationStatus.Waitlisted, after[english].Status);

        var (reinstatedFile, reinstated) = await CalendarOfAsync(await app.WaitForMailAsync(germanEmail, "Findet doch statt"));
        Assert.StartsWith("text/calendar; method=REQUEST", reinstatedFile.ContentType, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", reinstated.Status);
        Assert.Equal(meeting.Sequence, reinstated.Sequence);
        Assert.Equal(change.Start, reinstated.Start);
        Assert.StartsWith("The cancellation has been withdrawn", (await app.WaitForMailAsync(englishEmail, "Taking place after all")).TextBody.Split("\n\n")[1], StringComparison.Ordinal);

        // Withdrawing twice is a conflict, not a second round of mails.
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ConflictException>(() => app.SendAsync(new ReinstateMeeting(meetingId), staff));
    }

    [Fact]
    public async Task A_registrant_who_cancels_gets_a_cancel_ics_for_the_entry_and_the_next_person_moves_up()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 1, startLocal: new DateTime(AllianceClock.Today.Year + 1, 2, 4, 18, 0, 0), organizations: [Guid.NewGuid()]);
        var german = await MailablePersonAsync("de");
        var english = await MailablePersonAsync("en");
        await app.SendAsync(new Register(meetingId, german), staff);
        await app.SendAsync(new Register(meetingId, english), staff);
        var germanEmail = await EmailOfAsync(german);
        var englishEmail = await EmailOfAsync(english);
        var (_, invitation) = await CalendarOfAsync(await app.WaitForMailAsync(germanEmail, "Anmeldung bestätigt"));

        await app.SendAsync(new CancelRegistration(meetingId, german), staff);

        var confirmation = await app.WaitForMailAsync(germanEmail, "Abmeldung bestätigt");
        Assert.Contains("Ihre Anmeldung für", confirmation.TextBody, StringComparison.Ordinal);
        var (file, cancel) = await CalendarOfAsync(confirmation);
        Assert.StartsWith("text/calendar; method=CANCEL", file.ContentType, StringComparison.Ordinal);
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCELLED", cancel.Status);
        Assert.Equal(invitation.Uid, cancel.Uid);
        Assert.True(cancel.Sequence >= invitation.Sequence);
        Assert.Equal(invitation.Start, cancel.Start);
        // The meeting goes on: the person waiting moves up and gets a REQUEST for the same entry.
        var (_, promoted) = await CalendarOfAsync(await app.WaitForMailAsync(englishEmail, "You have a seat now"));
        Assert.Equal("REQUEST", promoted.Method);
        Assert.Equal(invitation.Uid, promoted.Uid);
        Assert.False((await MeetingAsync(meetingId)).IsCancelled);

        // Leaving the waitlist is confirmed too, in English, without a calendar entry to remove.
        var third = await MailablePersonAsync("en");
        await app.SendAsync(new Register(meetingId, third), staff);
        await app.SendAsync(new CancelRegistration(meetingId, third), staff);
        var left = await app.WaitForMailAsync(await EmailOfAsync(third), "Registration cancelled");
        Assert.Contains("Your registration for", left.TextBody, StringComparison.Ordinal);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Attachments.Where(a => a.MessageId == left.Id).ToListAsync()));
    }

    [Fact]
    public async Task Registering_again_after_cancelling_sends_a_newer_request_and_the_mail_links_the_personal_feed()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5, startLocal: new DateTime(AllianceClock.Today.Year + 1, 3, 11, 18, 0, 0), organizations: [Guid.NewGuid()]);
        var person = await MailablePersonAsync("de");
        await app.SendAsync(new Register(meetingId, person), staff);
        var email = await EmailOfAsync(person);
        var first = await app.WaitForMailAsync(email, "Anmeldung bestätigt");
        var (_, request) = await CalendarOfAsync(first);

        // DTSTAMP is written in whole seconds: let a second pass so each message's stamp is later than the one before.
        await Task.Delay(1100);
        await app.SendAsync(new CancelRegistration(meetingId, person), staff);
        var (_, cancel) = await CalendarOfAsync(await app.WaitForMailAsync(email, "Abmeldung bestätigt"));
        await Task.Delay(1100);
        await app.SendAsync(new Register(meetingId, person), staff);
        var again = await Eventually.Until(
            async () => (await app.MailsToAsync(email)).Where(m => m.Subject.Contains("Anmeldung bestätigt", StringComparison.Ordinal)).ToList(),
            mails => mails.Count == 2, what: "the second confirmation");
        var (_, newRequest) = await CalendarOfAsync(again[0]);

        // RFC 5546: each message for the UID is newer than the one before — a higher SEQUENCE and a DTSTAMP of its own moment.
        Assert.Equal(("REQUEST", "CANCEL", "REQUEST"), (request.Method, cancel.Method, newRequest.Method));
        Assert.Equal(request.Uid, newRequest.Uid);
        Assert.True(cancel.Sequence > request.Sequence, $"CANCEL {cancel.Sequence} after REQUEST {request.Sequence}");
        Assert.True(newRequest.Sequence > cancel.Sequence, $"REQUEST {newRequest.Sequence} after CANCEL {cancel.Sequence}");
        Assert.True(cancel.Stamp > request.Stamp, $"{cancel.Stamp} after {request.Stamp}");
        Assert.True(newRequest.Stamp > cancel.Stamp, $"{newRequest.Stamp} after {cancel.Stamp}");
        Assert.Equal("CONFIRMED", newRequest.Status);

        // A change of the meeting afterwards still counts up from what she was sent last.
        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        var start = new DateTime(AllianceClock.Today.Year + 1, 3, 11, 19, 0, 0);
        await app.SendAsync(new MoveMeeting(meetingId, start, start.AddHours(2), "Rathaus", null, version), staff);
        var (_, moved) = await CalendarOfAsync(await app.WaitForMailAsync(email, "Geänderter Termin"));
        Assert.True(moved.Sequence > newRequest.Sequence, $"change {moved.Sequence} after REQUEST {newRequest.Sequence}");

        // "Always up to date": the registrant's personal feed, which a calendar program opens without a sign-in.
        var link = System.Text.RegularExpressions.Regex.Match(first.TextBody, @"https?://\S+/calendar/[0-9a-f]{64}\.ics");
        Assert.True(link.Success, first.TextBody);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var feed = await anonymous.GetStringAsync(new Uri(link.Value).PathAndQuery);
        Assert.Contains((await IcalJs.ReadEventsAsync(feed)).Select(e => e.Uid), uid => uid == request.Uid);
        // The same token as the feed link the meeting list shows her.
        var token = await MeetingScenario.DbAsync(app, db => db.CalendarFeeds.Where(f => f.PersonId == person).Select(f => f.Token).SingleAsync());
        Assert.EndsWith($"/calendar/{token}.ics", link.Value, StringComparison.Ordinal);
    }
}
