using System.Net;
using System.Net.Http.Json;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Integration;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class SeriesAndPrivacyTests(AllianceApp app)
{
    [Fact]
    public async Task Editing_a_series_changes_only_future_occurrences_that_still_follow_it()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var seriesId = await app.SendAsync(new CreateSeries("Werkstattgespräch", MeetingKind.LabWorkshop, "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1",
            DateOnly.FromDateTime(AllianceClock.Today), new TimeOnly(18, 0), 120, null, "Gewerbehof", null, 25,
            Audience: AudienceKind.ChosenOrganizations, OrganizationIds: [Guid.NewGuid()]), staff);
        await app.SendAsync(new MaterializeOccurrences(seriesId));
        var meetings = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.True(meetings.Count >= 2);
        var moved = meetings[0];
        var movedStart = Recurrence.ToLocal(moved.StartsAt, moved.TimeZone).AddDays(1);
        await app.SendAsync(new MoveMeeting(moved.Id, movedStart, movedStart.AddHours(2), "Rathaus", null, moved.Version), staff);
        var series = await MeetingScenario.DbAsync(app, db => db.Series.AsNoTracking().SingleAsync(s => s.Id == seriesId));

        var changed = await app.SendAsync(new UpdateSeries(seriesId, new TimeOnly(19, 0), 90, "Gewerbehof, Halle 2", null, 30, null, [1], series.Version), staff);
        var again = await app.SendAsync(new MaterializeOccurrences(seriesId));

        Assert.Equal(meetings.Count - 1, changed);
        Assert.Equal(0, again);
        var after = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.Number).ToListAsync());
        Assert.Equal(meetings.Count, after.Count);
        var stillMoved = after.Single(m => m.Id == moved.Id);
        Assert.Equal("Rathaus", stillMoved.Place);
        Assert.Equal(18, Recurrence.ToLocal(stillMoved.StartsAt, "Europe/Berlin").Hour);
        Assert.All(after.Where(m => m.Id != moved.Id), m =>
        {
            Assert.Equal(19, Recurrence.ToLocal(m.StartsAt, "Europe/Berlin").Hour);
            Assert.Equal(90, (int)(m.EndsAt - m.StartsAt).TotalMinutes);
            Assert.Equal("Gewerbehof, Halle 2", m.Place);
        });
    }

    [Fact]
    public async Task Members_propose_topics_before_the_deadline_and_staff_take_them_onto_the_agenda()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 30);

        var response = await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/topics", new { title = "Lastenrad-Lieferung für den Einzelhandel" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var topicId = (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
        var forbidden = await representative.PostAsync($"/api/meetings/topics/{topicId}/agenda", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var taken = await staff.PostAsync($"/api/meetings/topics/{topicId}/agenda?plannedMinutes=20", null);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        // The new agenda item is part of its meeting: the Location is the meeting, which lists it.
        Assert.Equal($"/api/meetings/{meetingId}", taken.Headers.Location!.OriginalString);
        var takenId = (await taken.Content.ReadFromJsonAsync<IdBody>())!.Id;
        var meeting = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>(taken.Headers.Location!.OriginalString);
        Assert.Contains(meeting.GetProperty("agenda").EnumerateArray(), a => a.GetProperty("id").GetGuid() == takenId);
        var details = await app.SendAsync(new GetMeeting(meetingId), await app.PrincipalAsync(DemoUsers.Staff));
        var item = Assert.Single(details.Agenda);
        Assert.Equal("Lastenrad-Lieferung für den Einzelhandel", item.Title);
        Assert.Equal("Thomas Brandt", item.Presenter);

        var tooBig = await staff.PostAsJsonAsync($"/api/meetings/agenda/{item.Id}/documents", new { name = "riesig.pdf", contentBase64 = Convert.ToBase64String(new byte[5 * 1024 * 1024 + 1]) });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        // Refused for its size by the use case (not cut off by the body limit, not taken for a list of bytes).
        Assert.Contains("Die Datei ist leer oder größer als 5 MB.", await tooBig.Content.ReadAsStringAsync());
        // A file of exactly the allowed size fits the upload body limit (as base64 it is a third larger than the file).
        var atCap = await staff.PostAsJsonAsync($"/api/meetings/agenda/{item.Id}/documents", new { name = "genau.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(new byte[AgendaDocument.MaxFileBytes]) });
        Assert.True(atCap.StatusCode == HttpStatusCode.Created, await atCap.Content.ReadAsStringAsync());
        var link = await staff.PostAsJsonAsync($"/api/meetings/agenda/{item.Id}/documents", new { name = "Konzeptpapier", url = "https://example.org/konzept.pdf" });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        Assert.Equal(2, await MeetingScenario.DbAsync(app, db => db.AgendaDocuments.CountAsync(d => d.AgendaItemId == item.Id)));
    }

    [Fact]
    public async Task Personal_data_is_collected_and_erasure_anonymises_but_keeps_counts()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 30, organizations: [Guid.NewGuid()]);
        var person = (await MeetingScenario.AddPeopleAsync(app, 1))[0];
        await app.SendAsync(new Register(meetingId, person), staff);
        await app.SendAsync(new CheckIn(meetingId, person), staff);

        var collector = new PersonalDataCollector();
        await app.WithScopeAsync(async sp => { await sp.GetRequiredService<IMediator>().Publish(new CollectPersonalData(person, collector)); return 0; });
        Assert.Contains("Person 0", System.Text.Json.JsonSerializer.Serialize(collector.Sections["meetings"]));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Persistence.MeetingsDbContext>();
            await ActivatorUtilities.CreateInstance<PersonErasedHandler>(sp, db).Handle(new PersonErased(person), CancellationToken.None);
            await db.SaveChangesAsync();
            return 0;
        });

        var registration = Assert.Single(await MeetingScenario.RegistrationsAsync(app, meetingId), r => r.PersonId == person);
        Assert.Equal("—", registration.PersonName);
        Assert.Null(registration.Email);
        Assert.NotNull(registration.CheckedInAt);
        var today = DateOnly.FromDateTime(AllianceClock.Today);
        var statistics = await app.SendAsync(new GetMeetingStatistics(today.AddYears(-3), today));
        Assert.Equal(7, statistics.MeetingsHeld);
        Assert.True(statistics.Attendances > 7 * 30);
        Assert.True(statistics.ByPartnerGroup.Single(g => g.PartnerGroup == PartnerGroup.Company).Attendances > 0);
    }

    private sealed record IdBody(Guid Id);
}
