using System.Globalization;
using System.Text;

namespace Alliance.Meetings.Scheduling;

/// <summary>How often a series repeats, as the picker offers it (Outlook/OpenProject).</summary>
internal enum RepeatFrequency
{
    /// <summary>Once: the series has one date (<c>FREQ=DAILY;COUNT=1</c>).</summary>
    None,
    Weekly,
    Monthly,

    /// <summary>Every three months (<c>FREQ=MONTHLY;INTERVAL=3</c>).</summary>
    Quarterly,
    Yearly,
}

/// <summary>Monthly, quarterly and yearly series fall on a day of the month or on "the 3rd Thursday".</summary>
internal enum MonthlyBy
{
    DayOfMonth,
    Weekday,
}

/// <summary>When a series ends.</summary>
internal enum RepeatEnd
{
    Never,
    OnDate,
    AfterCount,
}

/// <summary>
/// The recurrence picker's fields and their RFC 5545 rule, both ways. The rule stays the stored form; the picker writes
/// one canonical spelling (<c>FREQ, INTERVAL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS, COUNT|UNTIL</c>) and reads every
/// rule it can express back (also <c>BYDAY=3TH</c> and rules that leave the day to the first date); anything else is
/// shown as an expert rule (<see cref="FromRule"/> returns null).
/// </summary>
internal sealed record RecurrenceChoice(
    RepeatFrequency Frequency,
    int Interval,
    IReadOnlyList<DayOfWeek> Weekdays,
    MonthlyBy MonthlyBy,
    int DayOfMonth,
    int WeekdayPosition,
    DayOfWeek Weekday,
    int Month,
    RepeatEnd Ends,
    DateOnly? Until,
    int? Count)
{
    /// <summary>The largest interval the picker offers ("every 99 weeks").</summary>
    public const int MaxInterval = 99;

    /// <summary>The most occurrences "ends after N times" may name (ten years of weekly meetings).</summary>
    public const int MaxCount = 520;

    /// <summary>The rule of a single date.</summary>
    public const string SingleRule = "FREQ=DAILY;COUNT=1";

    /// <summary>Positions of "the 1st/2nd/3rd/4th/last weekday".</summary>
    public static readonly IReadOnlyList<int> Positions = [1, 2, 3, 4, -1];

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The picker's starting point for a series beginning on <paramref name="firstDate"/>: the day's weekday and position.</summary>
    public static RecurrenceChoice Default(DateOnly firstDate, RepeatFrequency frequency = RepeatFrequency.Weekly) =>
        new(frequency, 1, [firstDate.DayOfWeek], MonthlyBy.DayOfMonth, firstDate.Day, PositionOf(firstDate), firstDate.DayOfWeek, firstDate.Month,
            RepeatEnd.Never, null, null);

    /// <summary>"The 3rd Thursday": the position of the date's weekday in its month (the 5th is the last).</summary>
    public static int PositionOf(DateOnly date) => (date.Day - 1) / 7 + 1 is var n && n <= 4 ? n : -1;

    /// <summary>The rule the fields describe, in the picker's canonical spelling.</summary>
    public string ToRule()
    {
        if (Frequency == RepeatFrequency.None)
        {
            return SingleRule;
        }

        var rule = new StringBuilder("FREQ=").Append(Frequency switch
        {
            RepeatFrequency.Weekly => "WEEKLY",
            RepeatFrequency.Yearly => "YEARLY",
            _ => "MONTHLY",
        });
        var interval = Frequency == RepeatFrequency.Quarterly ? Interval * 3 : Interval;
        if (interval != 1)
        {
            rule.Append(";INTERVAL=").Append(interval.ToString(CultureInfo.InvariantCulture));
        }

        if (Frequency == RepeatFrequency.Weekly)
        {
            rule.Append(";BYDAY=").Append(string.Join(',', Weekdays.Distinct().OrderBy(d => ((int)d + 6) % 7).Select(d => DayCodes[(int)d])));
        }
        else
        {
            if (Frequency == RepeatFrequency.Yearly)
            {
                rule.Append(";BYMONTH=").Append(Month.ToString(CultureInfo.InvariantCulture));
            }

            rule.Append(MonthlyBy == MonthlyBy.DayOfMonth
                ? ";BYMONTHDAY=" + DayOfMonth.ToString(CultureInfo.InvariantCulture)
                : $";BYDAY={DayCodes[(int)Weekday]};BYSETPOS={WeekdayPosition.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Ends == RepeatEnd.OnDate && Until is { } until)
        {
            rule.Append(";UNTIL=").Append(until.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }
        else if (Ends == RepeatEnd.AfterCount && Count is { } count)
        {
            rule.Append(";COUNT=").Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return rule.ToString();
    }

    /// <summary>
    /// The picker's fields for <paramref name="rule"/> of a series starting on <paramref name="firstDate"/>, or null when
    /// the picker cannot express it (daily rules, several month days, times in UNTIL, BYWEEKNO …).
    /// </summary>
    public static RecurrenceChoice? FromRule(string? rule, DateOnly firstDate)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in rule.Trim().ToUpperInvariant().Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || pair[1].Length == 0 || !parts.TryAdd(pair[0].Trim(), pair[1].Trim()))
            {
                return null;
            }
        }

        string[] known = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST"];
        if (parts.Keys.Any(k => !known.Contains(k)) || (parts.TryGetValue("WKST", out var weekStart) && weekStart != "MO")
            || !parts.TryGetValue("FREQ", out var frequencyText))
        {
            return null;
        }

        var choice = Default(firstDate);
        if (!ReadEnd(parts, ref choice))
        {
            return null;
        }

        var interval = 1;
        if (parts.TryGetValue("INTERVAL", out var intervalText) && (!int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval < 1))
        {
            return null;
        }

        switch (frequencyText)
        {
            case "DAILY":
                // Only the single date: any other daily rule is beyond the picker.
                return parts.Count == 2 && choice is { Ends: RepeatEnd.AfterCount, Count: 1 } && interval == 1
                    ? choice with { Frequency = RepeatFrequency.None, Ends = RepeatEnd.Never, Count = null }
                    : null;
            case "WEEKLY":
                if (interval > MaxInterval || parts.ContainsKey("BYMONTHDAY") || parts.ContainsKey("BYMONTH") || parts.ContainsKey("BYSETPOS"))
                {
                    return null;
                }

                var weekdays = new List<DayOfWeek>();
                if (parts.TryGetValue("BYDAY", out var days))
                {
                    foreach (var code in days.Split(','))
                    {
                        if (DayOf(code) is not { } day || weekdays.Contains(day))
                        {
                            return null;
                        }

                        weekdays.Add(day);
                    }
                }
                else
                {
                    weekdays.Add(firstDate.DayOfWeek);
                }

                return choice with { Frequency = RepeatFrequency.Weekly, Interval = interval, Weekdays = weekdays.OrderBy(d => ((int)d + 6) % 7).ToList() };
            case "MONTHLY":
                if (parts.ContainsKey("BYMONTH"))
                {
                    return null;
                }

                var quarterly = interval % 3 == 0;
                choice = choice with { Frequency = quarterly ? RepeatFrequency.Quarterly : RepeatFrequency.Monthly, Interval = quarterly ? interval / 3 : interval };
                return choice.Interval <= MaxInterval && ReadDay(parts, firstDate, ref choice) ? choice : null;
            case "YEARLY":
                choice = choice with { Frequency = RepeatFrequency.Yearly, Interval = interval };
                if (parts.TryGetValue("BYMONTH", out var monthText))
                {
                    if (!int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                    {
                        return null;
                    }

                    choice = choice with { Month = month };
                }
                else if (parts.ContainsKey("BYDAY"))
                {
                    return null; // "every Thursday of the year" is not a yearly meeting
                }

                return interval <= MaxInterval && ReadDay(parts, firstDate, ref choice) ? choice : null;
            default:
                return null;
        }
    }

    private static bool ReadEnd(Dictionary<string, string> parts, ref RecurrenceChoice choice)
    {
        var hasCount = parts.TryGetValue("COUNT", out var countText);
        var hasUntil = parts.TryGetValue("UNTIL", out var untilText);
        if (hasCount && hasUntil)
        {
            return false;
        }

        if (hasCount)
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > MaxCount)
            {
                return false;
            }

            choice = choice with { Ends = RepeatEnd.AfterCount, Count = count };
        }

        if (hasUntil)
        {
            // Only a date: an UNTIL with a time (UTC or local) is kept as an expert rule so its exact instant stays.
            if (!DateOnly.TryParseExact(untilText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                return false;
            }

            choice = choice with { Ends = RepeatEnd.OnDate, Until = until };
        }

        return true;
    }

    /// <summary>The day within the month: BYMONTHDAY=N, BYDAY=TH;BYSETPOS=3 or BYDAY=3TH — or, with none, the first date's day.</summary>
    private static bool ReadDay(Dictionary<string, string> parts, DateOnly firstDate, ref RecurrenceChoice choice)
    {
        var hasMonthDay = parts.TryGetValue("BYMONTHDAY", out var monthDayText);
        var hasDay = parts.TryGetValue("BYDAY", out var dayText);
        var hasPosition = parts.TryGetValue("BYSETPOS", out var positionText);
        if (hasMonthDay)
        {
            if (hasDay || hasPosition || !int.TryParse(monthDayText, NumberStyles.None, CultureInfo.InvariantCulture, out var monthDay) || monthDay is < 1 or > 31)
            {
                return false;
            }

            choice = choice with { MonthlyBy = MonthlyBy.DayOfMonth, DayOfMonth = monthDay };
            return true;
        }

        if (!hasDay)
        {
            choice = choice with { MonthlyBy = MonthlyBy.DayOfMonth, DayOfMonth = firstDate.Day };
            return !hasPosition;
        }

        int position;
        DayOfWeek? weekday;
        if (hasPosition)
        {
            weekday = DayOf(dayText!);
            if (!int.TryParse(positionText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out position))
            {
                return false;
            }
        }
        else
        {
            // BYDAY=3TH or BYDAY=-1FR
            var split = dayText!.Length - 2;
            weekday = split > 0 ? DayOf(dayText[split..]) : null;
            if (split <= 0 || !int.TryParse(dayText[..split], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out position))
            {
                return false;
            }
        }

        if (weekday is null || !Positions.Contains(position))
        {
            return false;
        }

        choice = choice with { MonthlyBy = MonthlyBy.Weekday, Weekday = weekday.Value, WeekdayPosition = position };
        return true;
    }

    private static DayOfWeek? DayOf(string code) => Array.IndexOf(DayCodes, code.Trim()) is var index and >= 0 ? (DayOfWeek)index : null;
}
