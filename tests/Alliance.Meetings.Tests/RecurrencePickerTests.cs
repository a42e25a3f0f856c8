using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alliance.Meetings.Tests;

/// <summary>The recurrence picker and its RRULE, both ways, for each pattern; the rule in plain German and English.</summary>
public sealed class RecurrencePickerTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    [Theory]
    [InlineData("FREQ=DAILY;COUNT=1", "None")]
    [InlineData("FREQ=WEEKLY;BYDAY=TU,TH", "Weekly")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;COUNT=10", "Weekly")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", "Monthly")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYDAY=FR;BYSETPOS=-1;UNTIL=20271231", "Monthly")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3", "Quarterly")]
    [InlineData("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1;COUNT=4", "Quarterly")]
    [InlineData("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", "Yearly")]
    [InlineData("FREQ=YEARLY;INTERVAL=2;BYMONTH=9;BYDAY=MO;BYSETPOS=1", "Yearly")]
    public void A_rule_the_picker_writes_is_read_back_into_the_same_fields_and_written_again_unchanged(string rule, string frequency)
    {
        var choice = RecurrenceChoice.FromRule(rule, Wednesday);

        Assert.NotNull(choice);
        Assert.Equal(frequency, choice.Frequency.ToString());
        Assert.Equal(rule, choice.ToRule());
        Assert.True(Recurrence.IsValidRule(rule));
    }

    public static TheoryData<string> ChoiceNames => [.. Choices.Keys];

    private static readonly Dictionary<string, RecurrenceChoice> Choices = new()
    {
        ["once"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.None),
        ["weekly-3-mon-thu-12"] = RecurrenceChoice.Default(Wednesday) with { Weekdays = [DayOfWeek.Monday, DayOfWeek.Thursday], Interval = 3, Ends = RepeatEnd.AfterCount, Count = 12 },
        ["monthly-31-until"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.Monthly) with { DayOfMonth = 31, Ends = RepeatEnd.OnDate, Until = new DateOnly(2028, 6, 30) },
        ["monthly-last-friday"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.Monthly) with { MonthlyBy = MonthlyBy.Weekday, WeekdayPosition = -1, Weekday = DayOfWeek.Friday },
        ["quarterly-3rd-thursday"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.Quarterly) with { MonthlyBy = MonthlyBy.Weekday, WeekdayPosition = 3, Weekday = DayOfWeek.Thursday },
        ["quarterly-2-day-10"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.Quarterly) with { Interval = 2, DayOfMonth = 10 },
        ["yearly-11-11"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.Yearly) with { Month = 11, DayOfMonth = 11 },
        ["yearly-2nd-sunday-may-4"] = RecurrenceChoice.Default(Wednesday, RepeatFrequency.Yearly) with { Month = 5, MonthlyBy = MonthlyBy.Weekday, WeekdayPosition = 2, Weekday = DayOfWeek.Sunday, Interval = 4 },
    };

    [Theory]
    [MemberData(nameof(ChoiceNames))]
    public void Picker_fields_become_a_valid_rule_that_reads_back_into_the_same_fields(string name)
    {
        var choice = Choices[name];
        var rule = choice.ToRule();
        var back = RecurrenceChoice.FromRule(rule, Wednesday);

        Assert.True(Recurrence.IsValidRule(rule), rule);
        Assert.NotNull(back);
        Assert.Equal(choice.Frequency, back.Frequency);
        Assert.Equal(choice.Interval, back.Interval);
        Assert.Equal(choice.Ends, back.Ends);
        Assert.Equal(choice.Until, back.Until);
        Assert.Equal(choice.Count, back.Count);
        if (choice.Frequency == RepeatFrequency.Weekly)
        {
            Assert.Equal(choice.Weekdays, back.Weekdays);
        }
        else if (choice.Frequency != RepeatFrequency.None)
        {
            Assert.Equal(choice.MonthlyBy, back.MonthlyBy);
            Assert.Equal(choice.MonthlyBy == MonthlyBy.DayOfMonth ? choice.DayOfMonth : choice.WeekdayPosition,
                choice.MonthlyBy == MonthlyBy.DayOfMonth ? back.DayOfMonth : back.WeekdayPosition);
            Assert.Equal(choice.Frequency == RepeatFrequency.Yearly ? choice.Month : 0, back.Frequency == RepeatFrequency.Yearly ? back.Month : 0);
        }

        Assert.Equal(rule, back.ToRule());
    }

    [Theory]
    // Other spellings of what the picker expresses are read, and written in the picker's spelling.
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYDAY=3TH", "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3")]
    [InlineData("freq=monthly;byday=-1fr", "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1")]
    [InlineData("FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=WE")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH,MO;WKST=MO", "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("FREQ=MONTHLY;INTERVAL=1", "FREQ=MONTHLY;BYMONTHDAY=2")]
    [InlineData("FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=2")]
    public void Equivalent_spellings_are_read_into_the_picker(string rule, string canonical) =>
        Assert.Equal(canonical, RecurrenceChoice.FromRule(rule, Wednesday)?.ToRule());

    [Theory]
    [InlineData("FREQ=DAILY")]
    [InlineData("FREQ=DAILY;INTERVAL=2;COUNT=1")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261217T170000Z")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15")]
    [InlineData("FREQ=MONTHLY;BYDAY=TH")]
    [InlineData("FREQ=MONTHLY;BYDAY=2TH;BYSETPOS=3")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=20")]
    [InlineData("FREQ=WEEKLY;COUNT=2;UNTIL=20271231")]
    [InlineData("FREQ=WEEKLY;INTERVAL=0")]
    [InlineData("FREQ=HOURLY")]
    [InlineData("nonsense")]
    public void Rules_the_picker_cannot_express_stay_expert_rules(string rule) =>
        Assert.Null(RecurrenceChoice.FromRule(rule, Wednesday));

    [Theory]
    [InlineData("de", "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3", 18, 0, 150, "jeden 3. Donnerstag im Quartal, 18:00–20:30 Uhr")]
    [InlineData("en", "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3", 18, 0, 150, "every 3rd Thursday of the quarter, 6:00–8:30 pm")]
    [InlineData("de", "FREQ=WEEKLY;BYDAY=TU,TH", 8, 0, 90, "jeden Dienstag und Donnerstag, 08:00–09:30 Uhr")]
    [InlineData("en", "FREQ=WEEKLY;BYDAY=MO,WE,FR", 11, 0, 120, "every Monday, Wednesday and Friday, 11:00 am–1:00 pm")]
    [InlineData("de", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=10", 18, 0, 60, "alle 2 Wochen am Mittwoch, 18:00–19:00 Uhr, 10 Termine")]
    [InlineData("en", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=1", 18, 0, 60, "every 2 weeks on Wednesday, 6:00–7:00 pm, 1 occurrence")]
    [InlineData("de", "FREQ=MONTHLY;INTERVAL=2;BYDAY=FR;BYSETPOS=-1", 9, 30, 60, "jeden letzten Freitag, alle 2 Monate, 09:30–10:30 Uhr")]
    [InlineData("en", "FREQ=MONTHLY;INTERVAL=2;BYDAY=FR;BYSETPOS=-1", 9, 30, 60, "the last Friday every 2 months, 9:30–10:30 am")]
    [InlineData("de", "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20271231", 18, 0, 60, "jeden Monat am 1., 18:00–19:00 Uhr, bis 31.12.2027")]
    [InlineData("en", "FREQ=MONTHLY;BYMONTHDAY=22;UNTIL=20271231", 18, 0, 60, "every month on the 22nd, 6:00–7:00 pm, until 31 Dec 2027")]
    [InlineData("de", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=13", 18, 0, 60, "alle 2 Quartale am 13., 18:00–19:00 Uhr")]
    [InlineData("en", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=13", 18, 0, 60, "every 2 quarters on the 13th, 6:00–7:00 pm")]
    [InlineData("de", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", 10, 0, 120, "jedes Jahr am 15. März, 10:00–12:00 Uhr")]
    [InlineData("en", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", 10, 0, 120, "every year on 15 March, 10:00 am–12:00 pm")]
    [InlineData("de", "FREQ=YEARLY;INTERVAL=2;BYMONTH=9;BYDAY=MO;BYSETPOS=1", 18, 0, 60, "alle 2 Jahre am 1. Montag im September, 18:00–19:00 Uhr")]
    [InlineData("en", "FREQ=YEARLY;BYMONTH=9;BYDAY=MO;BYSETPOS=1", 18, 0, 60, "every year on the 1st Monday of September, 6:00–7:00 pm")]
    [InlineData("de", "FREQ=DAILY;COUNT=1", 18, 0, 60, "einmalig am 02.12.2026, 18:00–19:00 Uhr")]
    [InlineData("en", "FREQ=DAILY;COUNT=1", 18, 0, 60, "once on 2 Dec 2026, 6:00–7:00 pm")]
    [InlineData("de", "FREQ=DAILY;INTERVAL=2", 18, 0, 60, "Regel FREQ=DAILY;INTERVAL=2, 18:00–19:00 Uhr")]
    [InlineData("en", "FREQ=DAILY;INTERVAL=2", 18, 0, 60, "rule FREQ=DAILY;INTERVAL=2, 6:00–7:00 pm")]
    public void The_summary_says_the_rule_in_plain_german_and_english(string language, string rule, int hour, int minute, int duration, string expected)
    {
        using var culture = Cultures.Use(language);

        Assert.Equal(expected, RecurrenceSummary.Describe(Texts, rule, Wednesday, new TimeOnly(hour, minute), duration));
    }

    private static readonly IStringLocalizer<MeetingsText> Texts = new StringLocalizer<MeetingsText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
