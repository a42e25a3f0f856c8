using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Integration;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Series;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings.Tests;

/// <summary>Erasure reaches minutes addenda; a series' first date in the past is flagged with the other errors (form) or refused by the kernel's date range (API).</summary>
[Collection(SharedAlliance.Collection)]
public sealed class ErasureAndSeriesFormTests(AllianceApp app)
{
    [Fact]
    public async Task Erasing_the_author_of_an_addendum_removes_her_name_from_the_api_the_markdown_and_the_docx()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        await app.SendAsync(new ApproveMinutes(meetingId, (await app.SendAsync(new GetMeeting(meetingId), staff)).Version), staff);
        await app.SendAsync(new AddAddendum(meetingId, "Korrektur: Beginn war 18:15"), staff);
        var author = await MeetingScenario.DbAsync(app, db => db.Addenda.SingleAsync(a => a.MeetingId == meetingId));
        Assert.NotEqual(PersonErasedHandler.ErasedName, author.AuthorName);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Contains(author.AuthorName, await client.GetStringAsync($"/api/meetings/{meetingId}/minutes.md"));
        Assert.Contains(author.AuthorName, await DocxTextAsync(client, meetingId));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            await ActivatorUtilities.CreateInstance<PersonErasedHandler>(sp, db).Handle(new PersonErased(author.AuthorPersonId!.Value), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(author.AuthorName, await client.GetStringAsync($"/api/meetings/{meetingId}/minutes.md"));
        Assert.DoesNotContain(author.AuthorName, await client.GetStringAsync($"/api/meetings/{meetingId}"));
        var docx = await DocxTextAsync(client, meetingId);
        Assert.DoesNotContain(author.AuthorName, docx);
        Assert.Contains("Korrektur: Beginn war 18:15", docx);
        Assert.Equal("Korrektur: Beginn war 18:15", Assert.Single((await app.SendAsync(new GetMeeting(meetingId), staff)).Addenda).Text);
    }

    [Fact]
    public async Task Erasure_removes_her_mails_from_the_outbox_and_forgets_mails_the_queue_took_after_members_erased_her()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        var people = await MeetingScenario.AddPeopleAsync(app, 2);
        var (person, other) = (people[0], people[1]);
        await app.SendAsync(new Register(meetingId, person), staff);
        var address = $"Erika.{person:N}@Example.org";
        var name = $"Erika {person:N}";
        await MeetingScenario.DbAsync(app, db => db.Registrations.Where(r => r.PersonId == person)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Email, address).SetProperty(x => x.PersonName, name)));

        // Her delivered invitation, her mail still waiting (not yet claimed), someone else's waiting mail, and a
        // mail to her the queue took after Members had already forgotten her address (lower case, as typed elsewhere).
        var now = DateTimeOffset.UtcNow;
        OutboxMessage Mail(string to, string toName, OutboxStatus status) => new()
        {
            Id = Guid.NewGuid(), Type = EventNames.Of(typeof(EmailRequested)), OccurredAt = now, Status = status,
            NextAttemptAt = now.AddYears(1), ProcessedAt = status == OutboxStatus.Delivered ? now : null,
            Payload = JsonSerializer.Serialize(new { toAddress = to, toName, subject = "Einladung", textBody = "Hallo", eventId = Guid.NewGuid() }),
        };
        var othersMail = Mail($"other.{other:N}@example.org", "Jemand Anderes", OutboxStatus.Pending);
        var queuedLater = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            db.Set<OutboxMessage>().AddRange(Mail(address, name, OutboxStatus.Delivered), Mail(address, name, OutboxStatus.Pending), othersMail);
            await db.SaveChangesAsync();
            var mail = sp.GetRequiredService<MailDbContext>();
            mail.Messages.Add(new EmailMessage
            {
                Id = queuedLater, ToAddress = address.ToLowerInvariant(), ToName = name, Subject = "Einladung", TextBody = "Hallo",
                Status = EmailStatus.Queued, QueuedAt = now, NextAttemptAt = now.AddYears(1),
            });
            return await mail.SaveChangesAsync();
        });

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            await ActivatorUtilities.CreateInstance<PersonErasedHandler>(sp, db).Handle(new PersonErased(person), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        var outbox = await MeetingScenario.DbAsync(app, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        Assert.DoesNotContain(outbox, m => m.Payload.Contains(address, StringComparison.OrdinalIgnoreCase) || m.Payload.Contains(name, StringComparison.Ordinal));
        Assert.Contains(outbox, m => m.Id == othersMail.Id && m.Status == OutboxStatus.Pending);
        var forgotten = await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == queuedLater));
        Assert.Equal("", forgotten.ToAddress);
        Assert.Equal("", forgotten.ToName);
        Assert.Equal(EmailStatus.Failed, forgotten.Status);
    }

    [Fact]
    public async Task A_series_starting_in_1999_is_flagged_together_with_the_other_errors()
    {
        // The form (pages send the request itself): the past first date is named with every other error at once.
        var storedBefore = await MeetingScenario.DbAsync(app, db => db.Series.CountAsync(x => x.Place == "Saal"));
        var staffPrincipal = await app.PrincipalAsync(DemoUsers.Staff);
        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(
            new CreateSeries("", MeetingKind.Plenary, "FREQ=WEEKLY", new DateOnly(1999, 1, 7), new TimeOnly(18, 0), 60, null, "Saal", null, 0),
            staffPrincipal));
        var byField = refused.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToList());
        // One message for one fault: 1999 is outside the planning range, so only the range's message.
        Assert.Equal(["Bitte ein Datum ab heute und höchstens zehn Jahre im Voraus angeben."], byField[nameof(CreateSeries.FirstDate)]);
        Assert.True(byField.ContainsKey(nameof(CreateSeries.Title)));
        Assert.True(byField.ContainsKey(nameof(CreateSeries.Capacity)));
        Assert.Equal(storedBefore, await MeetingScenario.DbAsync(app, db => db.Series.CountAsync(x => x.Place == "Saal")));
        var lastMonth = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(
            new CreateSeries("Rückblick", MeetingKind.Plenary, "FREQ=WEEKLY", DateOnly.FromDateTime(AllianceClock.Today.AddDays(-30)), new TimeOnly(18, 0), 60, null, "Saal", null, 10),
            staffPrincipal));
        Assert.Equal(["Das erste Datum darf nicht in der Vergangenheit liegen."], lastMonth.Errors.Where(e => e.PropertyName == nameof(CreateSeries.FirstDate)).Select(e => e.ErrorMessage));

        // The API: 1999 lies outside the range any input may name, so the kernel refuses the body while reading it
        // (one rule, one message for every date field) and no use case runs.
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "", kind = "Plenary", recurrenceRule = "FREQ=WEEKLY", firstDate = "1999-01-07", startTime = "18:00:00",
            durationMinutes = 60, place = "Saal", capacity = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Das Datum muss zwischen dem 01.01.2000 und dem 31.12.2100 liegen.", errors.GetProperty("firstDate")[0].GetString());
    }

    /// <summary>The text of the minutes' DOCX (its main part, tags left in: a name is found either way).</summary>
    private static async Task<string> DocxTextAsync(HttpClient client, Guid meetingId)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await client.GetByteArrayAsync($"/api/meetings/{meetingId}/minutes.docx")));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync();
    }
}
