using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Alliance.Shared.Web;

namespace Alliance.Meetings.Pages;

/// <summary>
/// The recurrence picker's form fields (public because <see cref="RecurrencePicker"/> takes them as a parameter; plain
/// strings so the page binds them without the module's internal enums, and numbers and dates as typed text read with
/// <see cref="FormFields"/>, docs/modules.md "Forms: typed values are text"). Property names are the request property
/// names of <see cref="ComposeRecurrenceRule"/> and <see cref="CreateSeries.RecurrenceRule"/>, so their errors show inline.
/// </summary>
public class RecurrenceInput
{
    /// <summary>The choice of the frequency select that keeps a typed rule.</summary>
    public const string Expert = "Expert";

    /// <summary>None, Weekly, Monthly, Quarterly, Yearly or <see cref="Expert"/>.</summary>
    public string Frequency { get; set; } = nameof(RepeatFrequency.Weekly);
    /// <summary>Every how many weeks, months, quarters or years (a whole number as typed).</summary>
    public string? Interval { get; set; } = "1";
    /// <summary>The weekdays of a weekly series.</summary>
    public DayOfWeek[]? Weekdays { get; set; } = [];
    /// <summary>DayOfMonth ("on day 15") or Weekday ("on the 3rd Thursday").</summary>
    public string MonthlyBy { get; set; } = nameof(Scheduling.MonthlyBy.Weekday);
    /// <summary>The day of the month (1–31, as typed).</summary>
    public string? DayOfMonth { get; set; } = "1";
    /// <summary>1–4, or -1 for the last weekday of the month (the select's value).</summary>
    public string? WeekdayPosition { get; set; } = "1";
    /// <summary>The weekday of "the 3rd Thursday".</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;
    /// <summary>The month of a yearly series (1–12, the select's value).</summary>
    public string? Month { get; set; } = "1";
    /// <summary>Never, OnDate or AfterCount.</summary>
    public string Ends { get; set; } = nameof(RepeatEnd.Never);
    /// <summary>The last day of a series that ends on a date (<c>yyyy-MM-dd</c> as the date input sends it).</summary>
    public string? Until { get; set; }
    /// <summary>How many dates a series that ends after a count has (as typed).</summary>
    public string? Count { get; set; }

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
        Interval = FormFields.Text(choice.Interval);
        Weekdays = [.. choice.Weekdays];
        MonthlyBy = choice.MonthlyBy.ToString();
        DayOfMonth = FormFields.Text(choice.DayOfMonth);
        WeekdayPosition = FormFields.Text(choice.WeekdayPosition);
        Weekday = choice.Weekday;
        Month = FormFields.Text(choice.Month);
        Ends = choice.Ends.ToString();
        Until = FormFields.Text(choice.Until);
        Count = FormFields.Text(choice.Count);
    }

    /// <summary>
    /// The picker's fields as the request that turns them into a rule (an unknown choice becomes an invalid value the
    /// validator names). The numbers and the date are read with <paramref name="form"/> where the chosen frequency and
    /// end use them — the same conditions under which <see cref="ComposeRecurrenceRuleValidator"/> checks them — so an
    /// empty or mistyped field the choice does not use (the day of the month of "the 3rd Thursday") is no error. An
    /// empty end date or count is left to the validator ("please give the last date").
    /// </summary>
    internal ComposeRecurrenceRule ToCompose(FormFields form, DateOnly firstDate)
    {
        var frequency = Enum.TryParse<RepeatFrequency>(Frequency, out var f) ? f : (RepeatFrequency)(-1);
        var by = Enum.TryParse<MonthlyBy>(MonthlyBy, out var b) ? b : (MonthlyBy)(-1);
        var ends = Enum.TryParse<RepeatEnd>(Ends, out var e) ? e : (RepeatEnd)(-1);
        var repeats = frequency != RepeatFrequency.None;
        var inMonth = frequency is RepeatFrequency.Monthly or RepeatFrequency.Quarterly or RepeatFrequency.Yearly;
        return new(
            frequency,
            repeats ? form.WholeNumber(Interval, nameof(Interval)) : Unused,
            Weekdays ?? [],
            by,
            inMonth && by == Scheduling.MonthlyBy.DayOfMonth ? form.WholeNumber(DayOfMonth, nameof(DayOfMonth)) : Unused,
            inMonth && by == Scheduling.MonthlyBy.Weekday ? form.WholeNumber(WeekdayPosition, nameof(WeekdayPosition)) : Unused,
            Weekday,
            frequency == RepeatFrequency.Yearly ? form.WholeNumber(Month, nameof(Month)) : Unused,
            ends,
            repeats && ends == RepeatEnd.OnDate ? form.OptionalDate(Until, nameof(Until)) : null,
            repeats && ends == RepeatEnd.AfterCount ? form.OptionalWholeNumber(Count, nameof(Count)) : null,
            firstDate);
    }

    /// <summary>
    /// The rule the picker's fields describe, composed on the server by <see cref="ComposeRecurrenceRule"/> (read with
    /// <paramref name="form"/>); null when the fields are wrong: their errors have then joined <paramref name="form"/>
    /// (<see cref="FormFields.Include{T}"/>), so the page's own request is validated but not sent and every error shows at once.
    /// </summary>
    internal async Task<string?> ComposeAsync(PageCommands commands, FormFields form, DateOnly firstDate)
    {
        var composed = await commands.SendAsync(ToCompose(form, firstDate), form);
        form.Include(composed);
        return composed.Succeeded ? composed.Value : null;
    }

    /// <summary>What the request holds for a number the chosen frequency does not use (the rule leaves it out, the validator skips it).</summary>
    private const int Unused = 1;
}
