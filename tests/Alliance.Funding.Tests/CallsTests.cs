using System.Net;
using System.Net.Http.Json;
using Alliance.Funding.Calls;
using Alliance.Funding.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Tests;

/// <summary>The calls radar: order by deadline, bad input, and the reminder job (one reminder per call and threshold).</summary>
// Own host: the radar is asserted against the demo's open calls as seeded.
public sealed class CallsTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Radar_lists_open_calls_by_deadline_and_reminds_once_per_threshold()
    {
        var today = FundingTestData.Today;
        var late = await app.CreateCallAsync("Später Aufruf", today.AddDays(20));
        var soon = await app.CreateCallAsync("Naher Aufruf", today.AddDays(5));
        var far = await app.CreateCallAsync("Ferner Aufruf", today.AddDays(90));
        var past = await app.CreateCallAsync("Vergangener Aufruf", today.AddDays(-3));

        var radar = await app.SendAsync(new ListCalls(), await app.StaffAsync());
        var ours = radar.Items.Where(c => c.Id == late || c.Id == soon || c.Id == far).Select(c => c.Id).ToList();
        Assert.Equal([soon, late, far], ours);
        Assert.DoesNotContain(radar.Items, c => c.Id == past);
        Assert.Equal(5, radar.Items.Single(c => c.Id == soon).DaysLeft);
        Assert.Contains((await app.SendAsync(new ListCalls(Past: true), await app.StaffAsync())).Items, c => c.Id == past);

        var first = await app.SendAsync(new SendCallReminders());
        var second = await app.SendAsync(new SendCallReminders());

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        var reminders = await app.FundingDbAsync(db => db.CallReminders.AsNoTracking().ToListAsync());
        Assert.Equal([7, 30], reminders.Where(r => r.CallId == soon).Select(r => r.DaysBefore).Order());
        Assert.Equal([30], reminders.Where(r => r.CallId == late).Select(r => r.DaysBefore));
        Assert.DoesNotContain(reminders, r => r.CallId == far || r.CallId == past);
        var mail = await app.WaitForMailAsync(DemoUsers.Staff, "Naher Aufruf");
        Assert.Contains(today.AddDays(5).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("de-DE")), mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_call_input_is_refused_per_field_and_nothing_is_stored()
    {
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var before = await app.FundingDbAsync(db => db.Calls.CountAsync());

        var response = await client.PostAsJsonAsync("/api/funding/calls", new
        {
            Funder = "BMBF", Programme = "P", Title = "Zu hoch", SubmissionDeadline = FundingTestData.Today.AddDays(10),
            FundingRate = 120m, MaxAmount = -5m, Preset = "Custom", CostCategories = Array.Empty<string>(), Link = "keine-adresse",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = FundingTestData.ErrorFields(await response.Content.ReadAsStringAsync());
        Assert.Contains("fundingrate", fields);
        Assert.Contains("maxamount", fields);
        Assert.Contains("costcategories", fields);
        Assert.Contains("link", fields);
        Assert.Equal(before, await app.FundingDbAsync(db => db.Calls.CountAsync()));
    }
}
