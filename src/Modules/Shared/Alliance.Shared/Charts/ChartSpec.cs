using System.Globalization;

namespace Alliance.Shared.Charts;

/// <summary>What a chart shows: the shape of the picture, not the data.</summary>
public enum ChartKind
{
    /// <summary>One bar per category running left to right; categories read top to bottom. Best for long labels (survey answers).</summary>
    HorizontalBar,

    /// <summary>Vertical bars (columns); several series stand side by side per category.</summary>
    Column,

    /// <summary>Horizontal bars whose series are stacked into one bar per category (parts of a whole).</summary>
    StackedBar,

    /// <summary>Lines over the categories in order, e.g. dates (<see cref="ChartSpec.OverDates"/>).</summary>
    Line,

    /// <summary>Touching columns over value ranges (<see cref="ChartSpec.Histogram"/> makes the ranges and counts).</summary>
    Histogram,
}

/// <summary>One named row of values, one value per category of the chart.</summary>
/// <param name="Name">Shown in the legend (when there are several series) and as the column header of the data table.</param>
/// <param name="Values">One value per category, in the order of <see cref="ChartSpec.Categories"/>.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// A chart to draw with <see cref="Charts"/> or show with the <c>&lt;Chart&gt;</c> component. Every text is already in the
/// reader's language; numbers are formatted with <see cref="Culture"/> (German: decimal comma) and <see cref="ValueFormat"/>.
/// The same categories × series are the chart's text alternative (the component's data table), so a chart never shows
/// anything the table does not.
/// </summary>
/// <param name="Title">The chart's title; also the figure caption and the table caption.</param>
/// <param name="Kind">How the values are drawn.</param>
/// <param name="Categories">The labels along the category axis (answers, months, value ranges).</param>
/// <param name="Series">One or more rows of values, each with exactly one value per category.</param>
/// <param name="Culture">Formats every number and date the chart and its table show.</param>
public sealed record ChartSpec(
    string Title,
    ChartKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    CultureInfo Culture)
{
    /// <summary>Label of the category axis (and the first column header of the data table), e.g. "Antwort".</summary>
    public string? CategoryAxisLabel { get; init; }

    /// <summary>Label of the value axis, e.g. "Anzahl" or "Prozent".</summary>
    public string? ValueAxisLabel { get; init; }

    /// <summary>.NET number format for value labels, axis ticks and the table (default: up to two decimals).</summary>
    public string ValueFormat { get; init; } = "#,##0.##";

    /// <summary>The values are counts: the value axis shows whole numbers only (no "0,2 persons").</summary>
    public bool WholeNumbers { get; init; }

    /// <summary>Formats one value the way the chart and its data table show it.</summary>
    public string Format(double value) => value.ToString(ValueFormat, Culture);

    /// <summary>Throws <see cref="ArgumentException"/> when the series do not fit the categories.</summary>
    public void Validate()
    {
        if (Categories.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one category.", nameof(Categories));
        }

        if (Series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(Series));
        }

        foreach (var series in Series)
        {
            if (series.Values.Count != Categories.Count)
            {
                throw new ArgumentException(
                    $"Series '{series.Name}' has {series.Values.Count} values for {Categories.Count} categories.", nameof(Series));
            }

            if (series.Values.Any(v => double.IsNaN(v) || double.IsInfinity(v)))
            {
                throw new ArgumentException($"Series '{series.Name}' holds a value that is not a finite number.", nameof(Series));
            }
        }
    }

    /// <summary>
    /// A line chart over days: the categories are the dates in <paramref name="culture"/>'s short date format, each series
    /// has one value per date (in the same order).
    /// </summary>
    public static ChartSpec OverDates(string title, IReadOnlyList<DateOnly> dates, IReadOnlyList<ChartSeries> series, CultureInfo culture) =>
        new(title, ChartKind.Line, dates.Select(d => d.ToString("d", culture)).ToArray(), series, culture);

    /// <summary>
    /// A histogram of raw <paramref name="values"/> in <paramref name="binCount"/> equal ranges from the smallest to the
    /// largest value. The categories are the ranges ("1,5–2,0"), the single series named <paramref name="countName"/> holds
    /// how many values fall into each; the last range includes its upper end.
    /// </summary>
    public static ChartSpec Histogram(string title, IReadOnlyCollection<double> values, int binCount, string countName, CultureInfo culture,
        string rangeFormat = "#,##0.##")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (values.Count == 0 || values.Any(v => double.IsNaN(v) || double.IsInfinity(v)))
        {
            throw new ArgumentException("A histogram needs at least one finite value.", nameof(values));
        }

        var min = values.Min();
        var max = values.Max();
        // All values equal: one range around them instead of zero-width ranges.
        var width = max > min ? (max - min) / binCount : 1;
        if (max <= min)
        {
            binCount = 1;
        }

        var counts = new double[binCount];
        foreach (var value in values)
        {
            counts[Math.Min((int)((value - min) / width), binCount - 1)]++;
        }

        var categories = Enumerable.Range(0, binCount)
            .Select(i => $"{(min + i * width).ToString(rangeFormat, culture)}–{(min + (i + 1) * width).ToString(rangeFormat, culture)}")
            .ToArray();
        return new ChartSpec(title, ChartKind.Histogram, categories, [new ChartSeries(countName, counts)], culture)
        {
            ValueAxisLabel = countName,
            ValueFormat = "#,##0",
            WholeNumbers = true,
        };
    }
}
