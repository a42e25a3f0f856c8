using System.Net;
using System.Net.Http.Json;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

public sealed class RegistrationTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Two_hundred_parallel_registrations_for_fifty_seats_give_exactly_fifty_and_a_waitlist_of_150()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 50, organizations: [Guid.NewGuid()]);
        var people = await MeetingScenario.AddPeopleAsync(app, 200);
        var staff = await app.PrincipalAsync(DemoUsers.Staff);

        var results = await Task.WhenAll(people.Select(person => Task.Run(() => app.SendAsync(new Register(meetingId, person), staff))));

        var registrations = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal(50, registrations.Count(r => r.Status == RegistrationStatus.Registered));
        Assert.Equal(150, registrations.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(50, results.Count(r => r.Status == "Registered"));
        Assert.Equal(150, registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.WaitlistPosition).Distinct().Count());
    }

    [Fact]
    public async Task A_cancellation_promotes_the_first_waiting_person_who_is_told_by_mail()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 1, organizations: [Guid.NewGuid()]);
        var people = await MeetingScenario.AddPeopleAsync(app, 3);
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var representative = await app.PrincipalAsync(DemoUsers.Representative);
        var representativeId = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        await app.SendAsync(new Register(meetingId, people[0]), staff);
        var waiting = await app.SendAsync(new Register(meetingId, representativeId), staff);
        await app.SendAsync(new Register(meetingId, people[1]), staff);
        Assert.Equal("Waitlisted", waiting.Status);
        Assert.Equal(1, waiting.WaitlistPlace);

        await app.SendAsync(new CancelRegistration(meetingId, people[0]), staff);

        var registrations = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal(RegistrationStatus.Registered, registrations.Single(r => r.PersonId == representativeId).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, registrations.Single(r => r.PersonId == people[1]).Status);
        var mail = await app.WaitForMailAsync(DemoUsers.Representative, "nachgerückt");
        Assert.Contains("18:00", mail.TextBody);
        Assert.Contains("Rathaus", mail.TextBody);
        Assert.Contains(".ics", mail.TextBody);
        var details = await app.SendAsync(new GetMeeting(meetingId), representative);
        Assert.Equal(RegistrationStatus.Registered, details.MyStatus);
    }

    [Fact]
    public async Task Registering_twice_answers_the_current_state_and_cancelled_or_past_meetings_refuse_registrations()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);

        Assert.Equal(HttpStatusCode.OK, (await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { })).StatusCode);
        var twice = await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal("Registered", (await twice.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(1, await MeetingScenario.DbAsync(app, db => db.Registrations.CountAsync(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered)));

        var cancelled = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        await app.SendAsync(new CancelMeeting(cancelled), await app.PrincipalAsync(DemoUsers.Staff));
        var forCancelled = await representative.PostAsJsonAsync($"/api/meetings/{cancelled}/registrations", new { });
        Assert.Equal(HttpStatusCode.BadRequest, forCancelled.StatusCode);

        var past = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Number == 1).Select(m => m.Id).SingleAsync());
        var before = await MeetingScenario.DbAsync(app, db => db.Registrations.CountAsync(r => r.MeetingId == past));
        var forPast = await representative.PostAsJsonAsync($"/api/meetings/{past}/registrations", new { });
        Assert.Equal(HttpStatusCode.BadRequest, forPast.StatusCode);
        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Registrations.CountAsync(r => r.MeetingId == past)));
    }

    [Fact]
    public async Task Representatives_cannot_register_people_of_other_organisations()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var stranger = (await MeetingScenario.AddPeopleAsync(app, 1))[0];

        var response = await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { personId = stranger });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Reminders_go_out_once_however_often_the_job_runs()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10, startLocal: DateTime.Now.AddHours(20), organizations: [Guid.NewGuid()]);
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var representativeId = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        await app.SendAsync(new Register(meetingId, representativeId), staff);

        await Task.WhenAll(app.SendAsync(new SendReminders()), app.SendAsync(new SendReminders()));
        await app.SendAsync(new SendReminders());

        var logs = await MeetingScenario.DbAsync(app, db => db.ReminderLogs.Where(l => l.MeetingId == meetingId).ToListAsync());
        Assert.Equal([1, 7], logs.Select(l => l.DaysBefore).Order().ToList());
        var mail = await app.WaitForMailAsync(DemoUsers.Representative, "Erinnerung: Testtreffen");
        var reminders = (await app.MailsToAsync(DemoUsers.Representative)).Count(m => m.Subject.StartsWith("Erinnerung", StringComparison.Ordinal) && m.Subject.Contains(mail.Subject[12..], StringComparison.Ordinal));
        Assert.Equal(1, reminders);
    }
}
