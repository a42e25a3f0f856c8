using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

/// <summary>
/// What one registration through the API costs the database, counted from Npgsql's own trace of every command (its
/// <c>Npgsql</c> activity source), so the count cannot creep back up unnoticed. Before the turn the request used to send
/// six statements (the session check, Members' person, the meeting, Members' organisation, Notifications' choice for a
/// seat and for a waitlist place) and its turn nine (lock, registrations, counts, three for the calendar feed, and
/// the save inside a savepoint and its release), then the outbox wake-up (Hangfire's, not counted here: it enqueues
/// nothing while a dispatch still waits).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class RegistrationStatementsTests(AllianceApp app)
{
    [Fact]
    public async Task The_office_registering_a_person_asks_each_module_once_before_the_turn_and_decides_in_six_statements()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5, organizations: [Guid.NewGuid()]);
        var person = (await MeetingScenario.AddPeopleAsync(app, 1, mailConsent: true))[0];
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var (before, turn) = await CountedAsync(() => staff.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { personId = person }));

        // Staff see every meeting: no meeting read before the turn, the turn answers an unknown one with 404.
        Assert.True(before.Count == 3, Describe(before));
        Assert.Contains("members.\"AspNetUsers\"", before[0], StringComparison.Ordinal); // the session's stamp
        Assert.Contains("LEFT JOIN members.organizations", before[1], StringComparison.Ordinal); // person and organisation
        Assert.Contains("notifications.preferences", before[2], StringComparison.Ordinal); // both kinds of mail choice
        // Lock, the batch's registrations, the counts, her calendar feed (looked for, made), one save.
        Assert.True(turn.Count == 6, Describe(turn));
        Assert.DoesNotContain(turn, s => s.Contains("SAVEPOINT", StringComparison.Ordinal));
        var registration = Assert.Single(await MeetingScenario.RegistrationsAsync(app, meetingId));
        Assert.Equal((person, RegistrationStatus.Registered), (registration.PersonId, registration.Status));
        Assert.NotNull(registration.OrganizationName);
        Assert.NotNull(registration.Email);
        Assert.True(await MeetingScenario.DbAsync(app, db => db.CalendarFeeds.AnyAsync(f => f.PersonId == person)));
    }

    [Fact]
    public async Task A_representative_registering_herself_reads_the_meeting_with_her_invitation_in_one_statement()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var (before, _) = await CountedAsync(() => representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { }));

        Assert.True(before.Count == 4, Describe(before));
        Assert.Contains("meetings.meetings", before[2], StringComparison.Ordinal);
        Assert.Contains("meetings.registrations", before[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lab_coordinator_registers_anyone_for_her_labs_meeting_asking_labs_once_and_nobody_else_registers_another_organisations_person()
    {
        var labs = await app.SendAsync(new GetLabs());
        var (retail, crafts) = (labs.Single(l => l.Title == "Handel der Zukunft").Id, labs.Single(l => l.Title == "Handwerk 4.0 / Produktion").Id);
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var start = AllianceClock.Today.AddDays(30).AddHours(18);
        // Her lab's meeting for one other organisation: she sees it only as the lab's coordinator (Labs' answer).
        var hers = await app.SendAsync(new CreateMeeting("Laborrunde Handel", MeetingKind.LabWorkshop, start, start.AddHours(2), "Europe/Berlin", "Rathaus", null, 5,
            Audience: AudienceKind.ChosenOrganizations, LabId: retail, OrganizationIds: [Guid.NewGuid()]), staff);
        var other = await app.SendAsync(new CreateMeeting("Laborrunde Handwerk", MeetingKind.LabWorkshop, start, start.AddHours(2), "Europe/Berlin", "Rathaus", null, 5,
            LabId: crafts), staff);
        var person = (await MeetingScenario.AddPeopleAsync(app, 1))[0];
        using var coordinator = await app.SignedInAsync(DemoUsers.Representative);

        var (before, _) = await CountedAsync(() => coordinator.PostAsJsonAsync($"/api/meetings/{hers}/registrations", new { personId = person }));

        // Session, person with organisation, the meeting with her registration, Labs once (seeing and managing ask the
        // same), the mail choices.
        Assert.True(before.Count == 5, Describe(before));
        Assert.Single(before, s => s.Contains("labs.", StringComparison.Ordinal));
        Assert.Equal(RegistrationStatus.Registered, Assert.Single(await MeetingScenario.RegistrationsAsync(app, hers)).Status);
        // Another lab's meeting open to all members: she sees it, but registers only herself and her own organisation's people.
        var refused = await coordinator.PostAsJsonAsync($"/api/meetings/{other}/registrations", new { personId = person });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(await MeetingScenario.RegistrationsAsync(app, other), r => r.PersonId == person);
    }

    /// <summary>The statements of one request: those before its turn (up to the meeting's row lock) and those of the turn.</summary>
    private static async Task<(List<string> Before, List<string> Turn)> CountedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var statements = new ConcurrentQueue<string>();
        ActivityTraceId? traceId = null;
        using var trace = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        trace.ActivityStopped = activity =>
        {
            // Only the commands of this request: HttpClient carries the trace id to the host (traceparent), whose request
            // activity is the parent of every command sent while handling it; jobs run in traces of their own.
            if (activity.Source.Name == "Npgsql" && activity.TraceId == traceId)
            {
                statements.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
            }
        };
        ActivitySource.AddActivityListener(trace);
        using (var register = new Activity("register").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceId = register.TraceId;
            var response = await send();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var all = statements.ToList();
        var turnStarts = all.FindIndex(s => s.Contains("FOR UPDATE", StringComparison.Ordinal));
        Assert.True(turnStarts >= 0, Describe(all));
        // The outbox wake-up after the commit is Hangfire's (its own schema), not the turn's.
        return (all[..turnStarts], all[turnStarts..].Where(s => !s.Contains("\"hangfire\"", StringComparison.Ordinal)).ToList());
    }

    private static string Describe(List<string> statements) =>
        $"{statements.Count} statements:\n" + string.Join("\n---\n", statements);
}
