using System.Globalization;
using Alliance.Meetings.Resources;
using Alliance.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Scheduling;

/// <summary>
/// A series' rule in plain words in the UI language: "jeden 3. Donnerstag im Quartal, 18:00–20:30 Uhr" /
/// "every 3rd Thursday of the quarter, 6:00–8:30 pm". A rule the picker cannot express is named as it is.
/// </summary>
internal static class RecurrenceSummary
{
    /// <summary>The summary of <paramref name="rule"/> for a series from <paramref name="firstDate"/>, in the current (UI) culture.</summary>
    public static string Describe(IStringLocalizer<MeetingsText> text, string rule, DateOnly firstDate, TimeOnly startTime, int durationMinutes)
    {
        var choice = RecurrenceChoice.FromRule(rule, firstDate);
        var pattern = choice is not null
            ? Pattern(text, choice, firstDate)
            : string.Format(CultureInfo.CurrentCulture, text["Repeat_Expert"], rule.Trim().ToUpperInvariant());
        var parts = new List<string> { pattern, Time(text, startTime, startTime.AddMinutes(durationMinutes)) };
        if (choice is { Ends: RepeatEnd.OnDate, Until: { } until })
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["Repeat_Until"], until.ToString("d", CultureInfo.CurrentCulture)));
        }
        else if (choice is { Ends: RepeatEnd.AfterCount, Count: { } count })
        {
            parts.Add(Plural.Format(text, "Repeat_Count", count));
        }

        return string.Join(", ", parts);
    }

    private static string Pattern(IStringLocalizer<MeetingsText> text, RecurrenceChoice choice, DateOnly firstDate)
    {
        var culture = CultureInfo.CurrentCulture;
        var interval = choice.Interval;
        var suffix = interval == 1 ? "" : "Interval";
        string Day(DayOfWeek day) => culture.DateTimeFormat.GetDayName(day);
        var position = choice.WeekdayPosition == -1 ? text["Repeat_Last"].Value : Ordinal(choice.WeekdayPosition);
        var month = culture.DateTimeFormat.GetMonthName(choice.Month);
        return choice.Frequency switch
        {
            RepeatFrequency.None => string.Format(culture, text["Repeat_Once"], firstDate.ToString("d", culture)),
            RepeatFrequency.Weekly => string.Format(culture, text["Repeat_Weekly" + suffix], List(text, choice.Weekdays.Select(Day)), interval),
            RepeatFrequency.Monthly or RepeatFrequency.Quarterly when choice.MonthlyBy == MonthlyBy.DayOfMonth =>
                string.Format(culture, text[$"Repeat_{choice.Frequency}Day{suffix}"], Ordinal(choice.DayOfMonth), interval),
            RepeatFrequency.Monthly or RepeatFrequency.Quarterly =>
                string.Format(culture, text[$"Repeat_{choice.Frequency}Weekday{suffix}"], position, Day(choice.Weekday), interval),
            _ when choice.MonthlyBy == MonthlyBy.DayOfMonth => string.Format(culture, text["Repeat_YearlyDay" + suffix], choice.DayOfMonth, month, interval),
            _ => string.Format(culture, text["Repeat_YearlyWeekday" + suffix], position, Day(choice.Weekday), month, interval),
        };
    }

    /// <summary>"3." in German, "3rd" in English.</summary>
    public static string Ordinal(int number)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en")
        {
            return number.ToString(CultureInfo.InvariantCulture) + ".";
        }

        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>"18:00–20:30 Uhr" in German; "6:00–8:30 pm" (or "11:00 am–1:00 pm") in English.</summary>
    public static string Time(IStringLocalizer<MeetingsText> text, TimeOnly start, TimeOnly end)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en")
        {
            return string.Format(CultureInfo.InvariantCulture, text["Repeat_Time"], start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        static string Clock(TimeOnly time) => time.ToString("h:mm", CultureInfo.InvariantCulture);
        static string Half(TimeOnly time) => time.Hour < 12 ? "am" : "pm";
        var from = Half(start) == Half(end) ? Clock(start) : $"{Clock(start)} {Half(start)}";
        return string.Format(CultureInfo.InvariantCulture, text["Repeat_Time"], from, $"{Clock(end)} {Half(end)}");
    }

    private static string List(IStringLocalizer<MeetingsText> text, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} {text["Repeat_And"]} {list[^1]}";
    }
}
