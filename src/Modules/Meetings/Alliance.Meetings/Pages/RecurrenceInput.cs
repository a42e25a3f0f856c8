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
    /// <summary>Every how many weeks, months, quarters or years.</summary>
    public int Interval { get; set; } = 1;
    /// <summary>The weekdays of a weekly series.</summary>
    public DayOfWeek[]? Weekdays { get; set; } = [];
    /// <summary>DayOfMonth ("on day 15") or Weekday ("on the 3rd Thursday").</summary>
    public string MonthlyBy { get; set; } = nameof(Scheduling.MonthlyBy.Weekday);
    /// <summary>The day of the month (1–31).</summary>
    public int DayOfMonth { get; set; } = 1;
    /// <summary>1–4, or -1 for the last weekday of the month.</summary>
    public int WeekdayPosition { get; set; } = 1;
    /// <summary>The weekday of "the 3rd Thursday".</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;
    /// <summary>The month of a yearly series.</summary>
    public int Month { get; set; } = 1;
    /// <summary>Never, OnDate or AfterCount.</summary>
    public string Ends { get; set; } = nameof(RepeatEnd.Never);
    /// <summary>The last day of a series that ends on a date.</summary>
    public DateOnly? Until { get; set; }
    /// <summary>How many dates a series that ends after a count has.</summary>
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
