using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Integration;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings.Tests;

/// <summary>Erasure reaches minutes addenda; a series' first date in the past is flagged with the other errors.</summary>
public sealed class ErasureAndSeriesFormTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Erasing_the_author_of_an_addendum_removes_her_name_from_the_api_and_the_markdown()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        await app.SendAsync(new ApproveMinutes(meetingId, (await app.SendAsync(new GetMeeting(meetingId), staff)).Version), staff);
        await app.SendAsync(new AddAddendum(meetingId, "Korrektur: Beginn war 18:15"), staff);
        var author = await MeetingScenario.DbAsync(app, db => db.Addenda.SingleAsync(a => a.MeetingId == meetingId));
        Assert.NotEqual(PersonErasedHandler.ErasedName, author.AuthorName);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Contains(author.AuthorName, await client.GetStringAsync($"/api/meetings/{meetingId}/minutes.md"));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            await new PersonErasedHandler(db).Handle(new PersonErased(author.AuthorPersonId!.Value), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(author.AuthorName, await client.GetStringAsync($"/api/meetings/{meetingId}/minutes.md"));
        Assert.DoesNotContain(author.AuthorName, await client.GetStringAsync($"/api/meetings/{meetingId}"));
        Assert.Equal("Korrektur: Beginn war 18:15", Assert.Single((await app.SendAsync(new GetMeeting(meetingId), staff)).Addenda).Text);
    }

    [Fact]
    public async Task A_series_starting_in_1999_is_flagged_together_with_the_other_errors()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "", kind = "Plenary", recurrenceRule = "FREQ=WEEKLY", firstDate = "1999-01-07", startTime = "18:00:00",
            durationMinutes = 60, place = "Saal", capacity = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Das erste Datum darf nicht in der Vergangenheit liegen.", errors.GetProperty("firstDate")[0].GetString());
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("capacity", out _));
    }
}
