using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;

namespace Alliance.Meetings.Pages;

/// <summary>
/// The recurrence picker's form fields (public because <see cref="RecurrencePicker"/> takes them as a parameter; plain
/// strings and numbers so the page binds them without the module's internal enums). Property names are the request
/// property names of <see cref="ComposeRecurrenceRule"/> and <see cref="CreateSeries.RecurrenceRule"/>, so their errors
/// show inline.
/// </summary>
public class RecurrenceInput
{
    /// <summary>The choice of the frequency select that keeps a typed rule.</summary>
    public const string Expert = "Expert";

    /// <summary>None, Weekly, Monthly, Quarterly, Yearly or <see cref="Expert"/>.</summary>
    public string Frequency { get; set; } = nameof(RepeatFrequency.Weekly);
    public int Interval { get; set; } = 1;
    public DayOfWeek[]? Weekdays { get; set; } = [];
    public string MonthlyBy { get; set; } = nameof(Scheduling.MonthlyBy.Weekday);
    public int DayOfMonth { get; set; } = 1;
    public int WeekdayPosition { get; set; } = 1;
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;
    public int Month { get; set; } = 1;
    public string Ends { get; set; } = nameof(RepeatEnd.Never);
    public DateOnly? Until { get; set; }
    public int? Count { get; set; }

    /// <summary>The rule typed in expert mode (or one the picker cannot express).</summary>
    public string? RecurrenceRule { get; set; }

    /// <summary>Which button sent the form: "preview" or "save".</summary>
    public string? Action { get; set; }

    /// <summary>The preview button sent the form.</summary>
    public bool IsPreview => string.Equals(Action, "preview", StringComparison.Ordinal);

    /// <summary>The expert field holds the rule.</summary>
    public bool IsExpert => string.Equals(Frequency, Expert, StringComparison.Ordinal);

    /// <summary>Fills the picker from a stored rule, or switches to the expert field when the picker cannot express it.</summary>
    internal void Load(string? rule, DateOnly firstDate)
    {
        var choice = RecurrenceChoice.FromRule(rule, firstDate);
        if (choice is null)
        {
            Load(RecurrenceChoice.Default(firstDate));
            Frequency = Expert;
            RecurrenceRule = rule;
            return;
        }

        Load(choice);
        RecurrenceRule = rule;
    }

    /// <summary>Fills the picker's fields from a choice.</summary>
    internal void Load(RecurrenceChoice choice)
    {
        Frequency = choice.Frequency.ToString();
        Interval = choice.Interval;
        Weekdays = [.. choice.Weekdays];
        MonthlyBy = choice.MonthlyBy.ToString();
        DayOfMonth = choice.DayOfMonth;
        WeekdayPosition = choice.WeekdayPosition;
        Weekday = choice.Weekday;
        Month = choice.Month;
        Ends = choice.Ends.ToString();
        Until = choice.Until;
        Count = choice.Count;
    }

    /// <summary>The picker's fields as the request that turns them into a rule (an unknown choice becomes an invalid value the validator names).</summary>
    internal ComposeRecurrenceRule ToCompose(DateOnly firstDate) => new(
        Enum.TryParse<RepeatFrequency>(Frequency, out var frequency) ? frequency : (RepeatFrequency)(-1),
        Interval, Weekdays ?? [],
        Enum.TryParse<MonthlyBy>(MonthlyBy, out var by) ? by : (MonthlyBy)(-1),
        DayOfMonth, WeekdayPosition, Weekday, Month,
        Enum.TryParse<RepeatEnd>(Ends, out var ends) ? ends : (RepeatEnd)(-1),
        Until, Count, firstDate);
}
