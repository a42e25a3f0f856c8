using System.Globalization;
using System.Net;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Scheduling;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Time zones are named in the page's language (CLDR names from ICU), the IANA id stays the stored value: the zone
/// list of the meeting form and a meeting in another zone, in German and in English.
/// </summary>
public sealed partial class EdgeInputTests
{
    [Theory]
    [InlineData("de", "Wien – Mitteleuropäische Zeit (UTC+0", "Japanische Normalzeit (Tokio)", "Koordinierte Weltzeit (UTC+00:00)")]
    [InlineData("en", "Vienna – Central European Time (UTC+0", "Japan Standard Time (Tokyo)", "Coordinated Universal Time (UTC+00:00)")]
    public async Task Time_zones_are_named_in_the_page_language_and_stored_as_IANA_ids(string language, string vienna, string tokyo, string utc)
    {
        Assert.True(ZoneNames.Localized, "ICU is there (the host runs with culture data)");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync($"/culture/{language}?returnUrl=/")).StatusCode);

        var form = WebUtility.HtmlDecode(await staff.GetStringAsync("/meetings/new"));
        Assert.Contains($"<option value=\"Europe/Vienna\">{vienna}", form);
        Assert.Contains($"<option value=\"UTC\">{utc}</option>", form);
        Assert.Contains($"<option value=\"Asia/Tokyo\">{tokyo.Split(' ')[^1].Trim('(', ')')} – ", form);

        var start = AllianceClock.Today.AddDays(35).AddHours(10);
        var id = await app.SendAsync(new CreateMeeting($"Tokio-Runde {language}", MeetingKind.NetworkMeeting, start, start.AddHours(1), "Asia/Tokyo", "Online", null, 20,
            Audience: AudienceKind.AllMembers), await app.PrincipalAsync(DemoUsers.Staff));
        Assert.Equal("Asia/Tokyo", await MeetingScenario.DbAsync(app, db => Task.FromResult(db.Meetings.Single(m => m.Id == id).TimeZone)));
        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/meetings/{id}"));
        Assert.Contains($"({tokyo})", detail);
        Assert.DoesNotContain("Asia/Tokyo", detail);
    }

    [Fact]
    public void A_zone_is_named_by_its_city_and_generic_name_in_each_language()
    {
        Assert.Equal("Mitteleuropäische Zeit (Berlin)", ZoneNames.Describe("Europe/Berlin", CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("Central European Time (Berlin)", ZoneNames.Describe("Europe/Berlin", CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(new ZoneNames.Names("Kiew", "Osteuropäische Zeit"), ZoneNames.For("Europe/Kyiv", CultureInfo.GetCultureInfo("de")));
        Assert.Equal(new ZoneNames.Names("Kyiv", "Eastern European Time"), ZoneNames.For("Europe/Kyiv", CultureInfo.GetCultureInfo("en")));
    }
}
