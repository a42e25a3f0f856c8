using System.Text;
using System.Text.RegularExpressions;
using Alliance.Shared.Exports;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Alliance.Shared.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> on the server with ScottPlot: SVG for pages, PNG for documents (PDF, DOCX). The output
/// depends only on the spec and size: DejaVu Sans from its file (never a system font lookup), a fixed palette whose every
/// colour has at least 4.5:1 contrast against the white background, numbers formatted in the spec's culture.
/// Pages show charts through the <c>&lt;Chart&gt;</c> component, which adds the caption and the data table.
/// </summary>
public static partial class Charts
{
    /// <summary>Default size of a page chart in CSS pixels (it scales down with the page).</summary>
    public const int DefaultWidth = 720;

    /// <summary>Default height of a page chart in CSS pixels.</summary>
    public const int DefaultHeight = 400;

    /// <summary>Series colours in order: each has at least 4.5:1 contrast against white (WCAG AA, also for text).</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#0B5CAD", "#B34700", "#1E7B3E", "#8E3A8E", "#006D75", "#A4262C", "#6B5B00", "#4D5A66"];

    /// <summary>Colour of texts, axes and ticks (15:1 against white).</summary>
    public const string TextColor = "#212529";

    private static readonly Lock FontLock = new();
    private static bool _fontsRegistered;

    /// <summary>
    /// The chart as an SVG document (UTF-8 XML text). It contains the spec's texts, so never write it into a page as raw
    /// markup: use the <c>&lt;Chart&gt;</c> component or <see cref="SvgDataUri"/> in an <c>img</c>, where no script or
    /// markup in a label can run.
    /// </summary>
    public static string Svg(ChartSpec spec, int width = DefaultWidth, int height = DefaultHeight) =>
        NumberClipPaths(Build(spec).GetSvgXml(width, height));

    /// <summary>The SVG as a <c>data:image/svg+xml;base64,…</c> URI for an <c>img</c> element (allowed by the CSP's <c>img-src data:</c>).</summary>
    public static string SvgDataUri(ChartSpec spec, int width = DefaultWidth, int height = DefaultHeight) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(spec, width, height)));

    /// <summary>The chart as a PNG of exactly <paramref name="width"/> × <paramref name="height"/> pixels (for PDF and DOCX).</summary>
    public static byte[] Png(ChartSpec spec, int width, int height) =>
        Build(spec).GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>Skia numbers clip paths with a process-wide counter; renumbered from 1 the same spec gives the same SVG.</summary>
    private static string NumberClipPaths(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipPathId().Replace(svg, match =>
        {
            if (!numbers.TryGetValue(match.Groups[1].Value, out var number))
            {
                number = numbers.Count + 1;
                numbers[match.Groups[1].Value] = number;
            }

            return $"cl_{number}";
        });
    }

    [GeneratedRegex(@"\bcl_([0-9a-fA-F]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipPathId();

    private static Plot Build(ChartSpec spec)
    {
        spec.Validate();
        RegisterFonts();

        var plot = new Plot();
        plot.Font.Set(DejaVuFonts.Family);
        var text = Color.FromHex(TextColor);
        plot.Axes.Color(text);
        plot.Grid.MajorLineColor = Color.FromHex("#DEE2E6");
        plot.Title(spec.Title);

        switch (spec.Kind)
        {
            case ChartKind.Line:
                AddLines(plot, spec);
                break;
            default:
                AddBars(plot, spec);
                break;
        }

        if (spec.Series.Count > 1)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontName = DejaVuFonts.Family;
            plot.Legend.FontColor = text;
        }
        else
        {
            // One series: the title says what it is; ScottPlot would otherwise show a legend for any legend text.
            plot.HideLegend();
        }

        return plot;
    }

    private static void AddBars(Plot plot, ChartSpec spec)
    {
        var horizontal = spec.Kind is ChartKind.HorizontalBar or ChartKind.StackedBar;
        var stacked = spec.Kind == ChartKind.StackedBar;
        var histogram = spec.Kind == ChartKind.Histogram;
        var categories = spec.Categories.Count;
        var groupWidth = histogram ? 1.0 : 0.8;
        var barWidth = stacked || histogram ? groupWidth : groupWidth / spec.Series.Count;
        var stackBase = new double[categories];

        // Horizontal charts read top to bottom: the first category sits at the top.
        double Slot(int category) => horizontal ? categories - 1 - category : category;

        for (var s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            var bars = new List<Bar>(categories);
            for (var c = 0; c < categories; c++)
            {
                var value = series.Values[c];
                // Side by side in series order: left to right, or top to bottom in horizontal charts.
                var offset = -groupWidth / 2 + barWidth * (s + 0.5);
                var position = stacked || histogram
                    ? Slot(c)
                    : Slot(c) + (horizontal ? -offset : offset);
                var valueBase = stacked ? stackBase[c] : 0;
                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = valueBase,
                    Value = valueBase + value,
                    Size = barWidth,
                    FillColor = Color.FromHex(Palette[s % Palette.Count]),
                    LineColor = histogram ? Colors.White : Color.FromHex(Palette[s % Palette.Count]),
                    LineWidth = histogram ? 1 : 0,
                    // Stacked parts show their values in the data table; on the bar they would overlap.
                    Label = stacked ? string.Empty : spec.Format(value),
                });
                stackBase[c] += value;
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = horizontal;
            plottable.LegendText = series.Name;
        }

        var positions = Enumerable.Range(0, categories).Select(c => Slot(c)).ToArray();
        var labels = spec.Categories.ToArray();
        var valueTicks = ValueTicks(spec);
        if (horizontal)
        {
            plot.Axes.Left.TickGenerator = new NumericManual(positions, labels);
            plot.Axes.Bottom.TickGenerator = valueTicks;
            plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
            plot.Grid.YAxisStyle.IsVisible = false;
            Label(plot, spec.ValueAxisLabel, spec.CategoryAxisLabel);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual(positions, labels);
            plot.Axes.Left.TickGenerator = valueTicks;
            plot.Axes.Margins(left: 0.05, right: 0.05, bottom: 0, top: 0.1);
            plot.Grid.XAxisStyle.IsVisible = false;
            Label(plot, spec.CategoryAxisLabel, spec.ValueAxisLabel);
        }
    }

    private static void AddLines(Plot plot, ChartSpec spec)
    {
        var categories = spec.Categories.Count;
        var xs = Enumerable.Range(0, categories).Select(i => (double)i).ToArray();
        for (var s = 0; s < spec.Series.Count; s++)
        {
            var line = plot.Add.Scatter(xs, spec.Series[s].Values.ToArray(), Color.FromHex(Palette[s % Palette.Count]));
            line.LineWidth = 2;
            line.MarkerSize = categories > 40 ? 0 : 6;
            line.LegendText = spec.Series[s].Name;
        }

        // At most about eight date labels, always the first; the table lists every one.
        var step = Math.Max(1, (int)Math.Ceiling(categories / 8.0));
        var ticks = Enumerable.Range(0, categories).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => spec.Categories[i]).ToArray());
        plot.Axes.Left.TickGenerator = ValueTicks(spec);
        Label(plot, spec.CategoryAxisLabel, spec.ValueAxisLabel);
    }

    private static NumericAutomatic ValueTicks(ChartSpec spec) =>
        new() { LabelFormatter = spec.Format, IntegerTicksOnly = spec.WholeNumbers };

    private static void Label(Plot plot, string? bottom, string? left)
    {
        if (!string.IsNullOrWhiteSpace(bottom))
        {
            plot.XLabel(bottom);
        }

        if (!string.IsNullOrWhiteSpace(left))
        {
            plot.YLabel(left);
        }
    }

    /// <summary>Registers the DejaVu files with ScottPlot once, so it never falls back to another system font.</summary>
    private static void RegisterFonts()
    {
        lock (FontLock)
        {
            if (_fontsRegistered)
            {
                return;
            }

            Fonts.AddFontFile(DejaVuFonts.Family, DejaVuFonts.File(), bold: false, italic: false);
            Fonts.AddFontFile(DejaVuFonts.Family, DejaVuFonts.File(bold: true), bold: true, italic: false);
            Fonts.Default = DejaVuFonts.Family;
            _fontsRegistered = true;
        }
    }
}
