using System.Net;
using System.Text.RegularExpressions;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Polls;
using Alliance.Meetings.Series;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 8, "typed values are text": every Meetings form with a number or date field (series create/edit/end, agenda
/// item add/edit, decision, vote) is posted like a browser — antiforgery token and <c>_handler</c> from the GET — with
/// empty and mistyped values and one validator error. Each field's message shows inline in the page's language, all at
/// once, the framework's English "is not valid for" never appears, and nothing is stored.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class TypedFormFieldsTests(AllianceApp app)
{
    /// <summary>The shared texts of <c>FormFields</c> and the module's own messages the posts should meet, per language.</summary>
    public static TheoryData<string> Languages => ["de", "en"];

    private static readonly Dictionary<string, (string Missing, string NotANumber, string NotADate, string NotATime, string VoteOption)> Texts = new()
    {
        ["de"] = ("Bitte ausfüllen.", "Bitte eine ganze Zahl eingeben.", "Bitte ein Datum eingeben.", "Bitte eine Uhrzeit eingeben.", "Bitte eine gültige Option wählen."),
        ["en"] = ("Please fill in this field.", "Please enter a whole number.", "Please enter a date.", "Please enter a time.", "Please choose a valid option."),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_new_series_form_names_every_unreadable_field_with_the_validators_errors_and_stores_nothing(string language)
    {
        var text = Texts[language];
        using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
        var before = await MeetingScenario.DbAsync(app, db => db.Series.CountAsync());

        var page = await client.PostFormAsync("/meetings/series/new", "new-series", new Dictionary<string, string>
        {
            ["Input.Action"] = "save",
            ["Input.Title"] = "",
            ["Input.FirstDate"] = "nächste Woche",
            ["Input.StartTime"] = "18:00",
            ["Input.EndTime"] = "",
            ["Input.Frequency"] = "Weekly",
            ["Input.Interval"] = "",
            ["Input.Weekdays"] = "Thursday",
            ["Input.MonthlyBy"] = "Weekday",
            ["Input.DayOfMonth"] = "egal", // a weekly series does not use it: no error
            ["Input.WeekdayPosition"] = "1",
            ["Input.Weekday"] = "Thursday",
            ["Input.Month"] = "1",
            ["Input.Ends"] = "AfterCount",
            ["Input.Until"] = "",
            ["Input.Count"] = "zehn",
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.StartNumber"] = "x",
            ["Input.Place"] = "Rathaus",
            ["Input.Capacity"] = "",
            ["Input.DelegateLimit"] = "zwei",
            ["Input.Reminders"] = "7",
            ["Input.Audience"] = "AllMembers",
        });

        Assert.Equal(text.NotADate, FormPosts.ErrorOf(page, "first"));
        Assert.Equal(text.Missing, FormPosts.ErrorOf(page, "end"));
        Assert.Equal(text.Missing, FormPosts.ErrorOf(page, "interval"));
        Assert.Equal(text.NotANumber, FormPosts.ErrorOf(page, "ends"));
        Assert.Equal(text.NotANumber, FormPosts.ErrorOf(page, "startnumber"));
        Assert.Equal(text.Missing, FormPosts.ErrorOf(page, "capacity"));
        Assert.Equal(text.NotANumber, FormPosts.ErrorOf(page, "delegates"));
        Assert.Equal("", FormPosts.ErrorOf(page, "monthlyby"));
        // The validator's message for the empty title shows at the same time, in the page's language.
        Assert.Equal(language == "de" ? "Bitte einen Titel angeben." : "Please give a title.", FormPosts.ErrorOf(page, "title"));
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Series.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_series_edit_form_names_every_unreadable_field_with_the_validators_errors_and_changes_nothing(string language)
    {
        var text = Texts[language];
        var seriesId = await CreateSeriesAsync(language);
        var stored = await MeetingScenario.DbAsync(app, db => db.Series.AsNoTracking().SingleAsync(s => s.Id == seriesId));
        using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);

        var page = await client.PostFormAsync($"/meetings/series/{seriesId}/edit", "edit-series", new Dictionary<string, string>
        {
            ["Input.Action"] = "save",
            ["Input.Version"] = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "abends",
            ["Input.EndTime"] = "20:00",
            ["Input.Frequency"] = "Monthly",
            ["Input.Interval"] = "1",
            ["Input.MonthlyBy"] = "DayOfMonth",
            ["Input.DayOfMonth"] = "",
            ["Input.WeekdayPosition"] = "1",
            ["Input.Weekday"] = "Thursday",
            ["Input.Month"] = "1",
            ["Input.Ends"] = "OnDate",
            ["Input.Until"] = "31.12.2027",
            ["Input.Count"] = "",
            ["Input.Place"] = "",
            ["Input.OnlineLink"] = "",
            ["Input.Capacity"] = "viele",
            ["Input.DelegateLimit"] = "",
            ["Input.Reminders"] = "7",
        });

        Assert.Equal(text.NotATime, FormPosts.ErrorOf(page, "start"));
        Assert.Equal(text.Missing, FormPosts.ErrorOf(page, "monthlyby"));
        Assert.Equal(text.NotADate, FormPosts.ErrorOf(page, "ends"));
        Assert.Equal(text.NotANumber, FormPosts.ErrorOf(page, "capacity"));
        Assert.Equal("", FormPosts.ErrorOf(page, "delegates"));
        Assert.Equal(language == "de" ? "Bitte Ort oder Online-Link angeben." : "Please give a place or an online link.", FormPosts.ErrorOf(page, "place"));
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        var after = await MeetingScenario.DbAsync(app, db => db.Series.AsNoTracking().SingleAsync(s => s.Id == seriesId));
        Assert.Equal((stored.Version, stored.RecurrenceRule, stored.StartTime, stored.Capacity, stored.Place), (after.Version, after.RecurrenceRule, after.StartTime, after.Capacity, after.Place));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Ending_a_series_with_an_empty_or_mistyped_last_date_says_so_and_changes_nothing(string language)
    {
        var text = Texts[language];
        var seriesId = await CreateSeriesAsync(language);
        var stored = await MeetingScenario.DbAsync(app, db => db.Series.AsNoTracking().SingleAsync(s => s.Id == seriesId));
        var cancelled = await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync(m => m.SeriesId == seriesId && m.IsCancelled));
        using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);

        foreach (var (value, expected) in new[] { ("", text.Missing), ("Silvester", text.NotADate) })
        {
            var page = await client.PostFormAsync($"/meetings/series/{seriesId}", "end-series", new Dictionary<string, string>
            {
                ["EndInput.Version"] = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["EndInput.LastDate"] = value,
            });

            Assert.Equal(expected, FormPosts.ErrorOf(page, "lastdate"));
            Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        }

        var after = await MeetingScenario.DbAsync(app, db => db.Series.AsNoTracking().SingleAsync(s => s.Id == seriesId));
        Assert.Equal((stored.Version, stored.RecurrenceRule), (after.Version, after.RecurrenceRule));
        Assert.Equal(cancelled, await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync(m => m.SeriesId == seriesId && m.IsCancelled)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_agenda_forms_and_the_vote_answer_empty_and_mistyped_numbers_in_the_language_and_store_nothing(string language)
    {
        var text = Texts[language];
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Begrüßung", "Geschäftsstelle", 10), staff);
        var pollId = await app.SendAsync(new OpenPoll(meetingId, null, "Welches Modell?", ["Stammtisch", "Verein"]), staff);
        var item = await MeetingScenario.DbAsync(app, db => db.AgendaItems.AsNoTracking().SingleAsync(a => a.Id == itemId));
        var titleMissing = language == "de" ? "Bitte einen Titel angeben." : "Please give a title.";
        using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);

        foreach (var (minutes, expected) in new[] { ("", text.Missing), ("eine Viertelstunde", text.NotANumber) })
        {
            // Adding an item on the meeting's page.
            var added = await client.PostFormAsync($"/meetings/{meetingId}", "agenda", new Dictionary<string, string>
            {
                ["AgendaInput.Title"] = "",
                ["AgendaInput.Presenter"] = "Vorstand",
                ["AgendaInput.PlannedMinutes"] = minutes,
                ["AgendaInput.LabId"] = "",
            });
            Assert.Equal(expected, FormPosts.ErrorOf(added, "agenda-minutes"));
            Assert.Equal(titleMissing, FormPosts.ErrorOf(added, "agenda-title"));
            Assert.DoesNotContain("is not valid for", added, StringComparison.Ordinal);

            // Changing the item on its own page.
            var edited = await client.PostFormAsync($"/meetings/{meetingId}/agenda/{itemId}/edit", "edit-agenda-item", new Dictionary<string, string>
            {
                ["Input.Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Title"] = "",
                ["Input.Presenter"] = "Vorstand",
                ["Input.PlannedMinutes"] = minutes,
                ["Input.LabId"] = "",
            });
            Assert.Equal(expected, FormPosts.ErrorOf(edited, "agenda-minutes"));
            Assert.Equal(titleMissing, FormPosts.ErrorOf(edited, "agenda-title"));
            Assert.DoesNotContain("is not valid for", edited, StringComparison.Ordinal);
        }

        var items = await MeetingScenario.DbAsync(app, db => db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync());
        var unchanged = Assert.Single(items);
        Assert.Equal((item.Title, item.PlannedMinutes, item.Version), (unchanged.Title, unchanged.PlannedMinutes, unchanged.Version));

        // A representative's vote with an option that is no number: the page's own message, no vote.
        using var representative = await app.SignedInWithLanguageAsync(DemoUsers.Representative, language);
        var voted = await representative.PostFormAsync($"/meetings/{meetingId}", $"vote-{pollId}", new Dictionary<string, string>
        {
            ["PollId"] = pollId.ToString(),
            ["VoteOption"] = "die erste",
        });
        Assert.Contains(text.VoteOption, voted, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for", voted, StringComparison.Ordinal);
        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.PollVotes.CountAsync(v => v.PollId == pollId)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_decision_form_names_a_mistyped_due_date_with_the_missing_owner_and_stores_nothing(string language)
    {
        var text = Texts[language];
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Beschlüsse", null, 20), await app.PrincipalAsync(DemoUsers.Staff));
        using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);

        var page = await client.PostFormAsync($"/meetings/{meetingId}/minutes", "decision", new Dictionary<string, string>
        {
            ["DecisionInput.AgendaItemId"] = itemId.ToString(),
            ["DecisionInput.Text"] = "Die Allianz wird fortgeführt",
            ["DecisionInput.LabId"] = "",
            ["DecisionInput.Title"] = "Konzept vorlegen",
            ["DecisionInput.DueDate"] = "Ende März",
        });

        Assert.Equal(text.NotADate, FormPosts.ErrorOf(page, "action-due"));
        Assert.Equal(language == "de" ? "Bitte eine verantwortliche Person oder Organisation angeben." : "Please give an owner (person or organisation).",
            FormPosts.ErrorOf(page, "action-owner-person"));
        Assert.Equal("", FormPosts.ErrorOf(page, "action-title"));
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.Decisions.CountAsync(d => d.MeetingId == meetingId)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_rule_without_its_own_message_speaks_the_language_and_names_no_CSharp_property(string language)
    {
        // Capacity above the upper bound and a place over its length: rules with FluentValidation's built-in messages,
        // which said "Der Wert von 'Capacity' muss kleiner oder gleich '100000' sein." / "The length of 'Place' must be …".
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        using var client = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);

        var details = await client.PostFormAsync($"/meetings/{meetingId}/edit", "meeting-details", new Dictionary<string, string>
        {
            ["DetailsInput.Version"] = (await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync())).ToString(),
            ["DetailsInput.Title"] = "Kapazitätstest",
            ["DetailsInput.Capacity"] = "200000",
            ["DetailsInput.DelegateLimit"] = "",
        });
        Assert.Equal(language == "de" ? "Höchstens 100000." : "At most 100000.", FormPosts.ErrorOf(details, "capacity"));

        // The field is "Plätze" / "Seats": its other messages use the same word (not "Platzzahl", "Kapazität", "capacity").
        var none = await client.PostFormAsync($"/meetings/{meetingId}/edit", "meeting-details", new Dictionary<string, string>
        {
            ["DetailsInput.Version"] = (await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync())).ToString(),
            ["DetailsInput.Title"] = "Kapazitätstest",
            ["DetailsInput.Capacity"] = "0",
            ["DetailsInput.DelegateLimit"] = "",
        });
        Assert.Equal(language == "de" ? "Die Zahl der Plätze muss größer als 0 sein." : "The number of seats must be greater than 0.", FormPosts.ErrorOf(none, "capacity"));

        var move = await client.PostFormAsync($"/meetings/{meetingId}/edit", "move-meeting", new Dictionary<string, string>
        {
            ["MoveInput.Version"] = (await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync())).ToString(),
            ["MoveInput.StartsAtLocal"] = AllianceClock.Today.AddDays(20).ToString("yyyy-MM-dd'T'18:00", System.Globalization.CultureInfo.InvariantCulture),
            ["MoveInput.EndsAtLocal"] = AllianceClock.Today.AddDays(20).ToString("yyyy-MM-dd'T'20:00", System.Globalization.CultureInfo.InvariantCulture),
            ["MoveInput.Place"] = new string('x', TextLimits.Place + 1),
            ["MoveInput.OnlineLink"] = "",
        });
        Assert.Equal(language == "de" ? $"Höchstens {TextLimits.Place} Zeichen (eingegeben: {TextLimits.Place + 1})." : $"At most {TextLimits.Place} characters (entered: {TextLimits.Place + 1}).",
            FormPosts.ErrorOf(move, "place"));
        foreach (var page in new[] { details, move })
        {
            Assert.DoesNotContain("'Capacity'", page, StringComparison.Ordinal);
            Assert.DoesNotContain("'Place'", page, StringComparison.Ordinal);
        }

        Assert.Equal(5, await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Capacity).SingleAsync()));
    }

    private async Task<Guid> CreateSeriesAsync(string language) =>
        await app.SendAsync(new CreateSeries($"Formularreihe {language} {Guid.NewGuid():N}"[..24], MeetingKind.Plenary, "FREQ=MONTHLY;BYMONTHDAY=15",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(7)), new TimeOnly(18, 0), 120, "Europe/Berlin", "Rathaus", null, 30), await app.PrincipalAsync(DemoUsers.Staff));
}
