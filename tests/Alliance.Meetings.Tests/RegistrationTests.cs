using System.Net;
using System.Net.Http.Json;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Reminders;
using Alliance.Meetings.Scheduling;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Meetings.Tests;

// Own host: it runs the reminder job for every due meeting and counts the demo representative's reminders; its bursts of 200 registrations flood the mail queue.
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
    public async Task A_burst_for_few_seats_gives_exactly_the_seats_a_waitlist_without_gaps_and_each_person_one_registration_mail_and_notice()
    {
        const int seats = 8, count = 60;
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: seats, organizations: [Guid.NewGuid()]);
        var people = await MeetingScenario.AddPeopleAsync(app, count, mailConsent: true);
        var staff = await app.PrincipalAsync(DemoUsers.Staff);

        var results = await Task.WhenAll(people.Select(person => Task.Run(() => app.SendAsync(new Register(meetingId, person), staff))));

        var registrations = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal(count, registrations.Count);
        Assert.Equal(people.Order(), registrations.Select(r => r.PersonId).Order());
        Assert.Equal(seats, registrations.Count(r => r.Status == RegistrationStatus.Registered));
        Assert.Equal(seats, results.Count(r => r.Status == "Registered"));
        Assert.Equal(Enumerable.Range(1, count - seats), results.Where(r => r.Status == "Waitlisted").Select(r => r.WaitlistPlace!.Value).Order());
        // Each answer is the registration as stored: its place is its rank on the waitlist.
        var rank = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.WaitlistPosition)
            .Select((r, i) => (r.Id, Place: i + 1)).ToDictionary(r => r.Id, r => r.Place);
        Assert.All(results.Where(r => r.Status == "Waitlisted"), r => Assert.Equal(rank[r.RegistrationId], r.WaitlistPlace));
        Assert.All(results.Where(r => r.Status == "Registered"), r => Assert.Equal(RegistrationStatus.Registered, registrations.Single(x => x.Id == r.RegistrationId).Status));

        // Every registration's mail is queued once, and every person is told in-app once.
        var addresses = registrations.Select(r => r.Email!).ToList();
        var mails = await Eventually.Until(() => MailCountsAsync(addresses), counts => counts.Values.Sum() >= count, what: $"{count} confirmation mails");
        Assert.Equal(count, mails.Count);
        Assert.All(mails.Values, n => Assert.Equal(1, n));
        var notices = await Eventually.Until(() => NoticeCountsAsync(people), counts => counts.Values.Sum() >= count, what: $"{count} notifications");
        Assert.Equal(count, notices.Count);
        Assert.All(notices.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_batch_decides_in_order_and_a_registration_that_cannot_be_stored_takes_no_seat_and_costs_the_others_nothing()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 2, organizations: [Guid.NewGuid()]);
        var people = await MeetingScenario.AddPeopleAsync(app, 3, mailConsent: true);
        var summaries = await app.WithScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new GetPeopleByIds(people)));
        var byId = summaries.ToDictionary(p => p.Id);
        RegistrationTicket Ticket(PersonSummary person) => new(person, null, mailIfRegistered: true, mailIfWaitlisted: true);
        // A name longer than its column: this registration's insert fails, and with it the batch's first transaction.
        var unstorable = new PersonSummary(Guid.NewGuid(), new string('x', 5_000), null, "de", null, false, false, false, false);
        RegistrationTicket[] batch = [Ticket(byId[people[0]]), Ticket(unstorable), Ticket(byId[people[1]]), Ticket(byId[people[0]]), Ticket(byId[people[2]])];

        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<SeatDecisions>().DecideAsync(meetingId, batch);
            return true;
        });

        Assert.Equal("Registered", batch[0].Outcome!.Result!.Status);
        Assert.NotNull(batch[1].Outcome!.Failure);
        Assert.Equal("Registered", batch[2].Outcome!.Result!.Status);
        Assert.Equal(batch[0].Outcome!.Result, batch[3].Outcome!.Result); // the same person twice: the registration as it stands
        Assert.Equal(new RegistrationResult(batch[4].Outcome!.Result!.RegistrationId, "Waitlisted", 1), batch[4].Outcome!.Result);
        var registrations = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal(people.Order(), registrations.Select(r => r.PersonId).Order());
        Assert.Equal(2, registrations.Count(r => r.Status == RegistrationStatus.Registered));
        var mails = await Eventually.Until(() => MailCountsAsync(registrations.Select(r => r.Email!).ToList()), counts => counts.Values.Sum() >= 3, what: "3 mails");
        Assert.All(mails.Values, n => Assert.Equal(1, n));
        // The first attempt's feeds were rolled back with it: each confirmation of a seat links a feed that exists.
        var feeds = await MeetingScenario.DbAsync(app, db => db.CalendarFeeds.Where(f => people.Contains(f.PersonId)).ToDictionaryAsync(f => f.PersonId, f => f.Token));
        Assert.Equal(3, feeds.Count);
        foreach (var registration in registrations.Where(r => r.Status == RegistrationStatus.Registered))
        {
            var mail = Assert.Single(await app.MailsToAsync(registration.Email!));
            Assert.Contains($"/calendar/{feeds[registration.PersonId]}.ics", mail.TextBody);
        }
    }

    [Fact]
    public async Task A_registration_cancelled_while_it_waits_leaves_its_lane_and_the_next_waiting_one_leads()
    {
        var lanes = new RegistrationLanes();
        var meeting = Guid.NewGuid();
        RegistrationTicket Ticket() => new(new PersonSummary(Guid.NewGuid(), "P", null, "de", null, false, false, false, false), null, true, true);
        var (leader, cancelled, waiting, later) = (Ticket(), Ticket(), Ticket(), Ticket());
        using var cancellation = new CancellationTokenSource();

        Assert.True(await lanes.JoinAsync(meeting, leader, CancellationToken.None));
        var cancelledJoin = lanes.JoinAsync(meeting, cancelled, cancellation.Token);
        var waitingJoin = lanes.JoinAsync(meeting, waiting, CancellationToken.None);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledJoin);
        Assert.Equal([leader, waiting], lanes.TakeBatch(meeting, leader));
        var laterJoin = lanes.JoinAsync(meeting, later, CancellationToken.None);
        Assert.False(laterJoin.IsCompleted); // a batch is being decided: it waits for the next one
        lanes.HandOver(meeting);
        Assert.True(await laterJoin);
        Assert.Equal([later], lanes.TakeBatch(meeting, later));
        lanes.HandOver(meeting);
        Assert.True(await lanes.JoinAsync(meeting, Ticket(), CancellationToken.None)); // the lane was closed: the next one leads at once
        Assert.False(waitingJoin.IsCompleted); // decided by the leader's batch, woken by the leader (not here)
    }

    private async Task<Dictionary<string, int>> MailCountsAsync(List<string> addresses)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "ToAddress", count(*)::int FROM mail.email_messages WHERE "ToAddress" = ANY(@a) GROUP BY 1""", connection);
        command.Parameters.AddWithValue("a", addresses.ToArray());
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private async Task<Dictionary<Guid, int>> NoticeCountsAsync(List<Guid> people)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "PersonId", count(*)::int FROM notifications.notifications WHERE "PersonId" = ANY(@p) GROUP BY 1""", connection);
        command.Parameters.AddWithValue("p", people.ToArray());
        var counts = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return counts;
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
        // The subject names the day like every other registration mail, so two meetings of one series are told apart.
        var startsAt = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => new { m.StartsAt, m.TimeZone }).SingleAsync());
        var day = Recurrence.ToLocal(startsAt.StartsAt, startsAt.TimeZone).ToString("dddd, d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));
        Assert.EndsWith($" am {day}", mail.Subject, StringComparison.Ordinal);
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

        // The demo plenary's first meeting (other classes on the shared host add series of their own).
        var past = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Number == 1).OrderBy(m => m.StartsAt).Select(m => m.Id).FirstAsync());
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
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10, startLocal: AllianceClock.Now.AddHours(20), organizations: [Guid.NewGuid()]);
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
