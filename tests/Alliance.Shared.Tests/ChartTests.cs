using System.Globalization;
using System.Xml.Linq;
using Alliance.Shared.Charts;
using SkiaSharp;

namespace Alliance.Shared.Tests;

public sealed class ChartTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static ChartSpec Answers(ChartKind kind) => new(
        "Zufriedenheit <Umfrage> & Co.",
        kind,
        ["Sehr zufrieden", "Eher unzufrieden", "Grüße"],
        [new ChartSeries("2025", [12.5, 3.25, 7]), new ChartSeries("2026", [10, 4.75, 1.5])],
        German)
    {
        CategoryAxisLabel = "Antwort",
        ValueAxisLabel = "Prozent",
    };

    [Theory]
    [InlineData(ChartKind.HorizontalBar)]
    [InlineData(ChartKind.Column)]
    [InlineData(ChartKind.StackedBar)]
    [InlineData(ChartKind.Line)]
    public void The_svg_parses_as_xml_and_contains_the_title_and_every_category_label(ChartKind kind)
    {
        var svg = Charts.Charts.Svg(Answers(kind));

        var document = XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        var texts = string.Join("\n", document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Contains("Zufriedenheit <Umfrage> & Co.", texts, StringComparison.Ordinal);
        Assert.Contains("Sehr zufrieden", texts, StringComparison.Ordinal);
        Assert.Contains("Eher unzufrieden", texts, StringComparison.Ordinal);
        Assert.Contains("Grüße", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void German_culture_writes_decimal_commas_in_the_value_labels()
    {
        var svg = Charts.Charts.Svg(Answers(ChartKind.Column));

        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("12,5", texts);
        Assert.Contains("3,25", texts);
        Assert.DoesNotContain(texts, t => t.Contains("12.5", StringComparison.Ordinal));
    }

    [Fact]
    public void The_png_has_the_png_signature_and_exactly_the_requested_size()
    {
        var png = Charts.Charts.Png(Answers(ChartKind.HorizontalBar), 640, 360);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(640, bitmap.Width);
        Assert.Equal(360, bitmap.Height);
    }

    [Fact]
    public void The_same_spec_draws_the_same_svg_twice()
    {
        var spec = ChartSpec.OverDates("Anmeldungen", [new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)],
            [new ChartSeries("Anmeldungen", [3, 5, 4])], German);

        Assert.Equal(Charts.Charts.Svg(spec), Charts.Charts.Svg(spec));
        Assert.Equal(["01.03.2026", "02.03.2026", "03.03.2026"], spec.Categories);
    }

    [Fact]
    public void A_histogram_counts_values_into_equal_ranges_with_german_range_labels()
    {
        var spec = ChartSpec.Histogram("Bewertung", [1, 1.5, 2, 2.5, 3, 5], binCount: 4, countName: "Anzahl", German);

        Assert.Equal(["1–2", "2–3", "3–4", "4–5"], spec.Categories);
        Assert.Equal([2d, 2, 1, 1], Assert.Single(spec.Series).Values);
        // Counts: whole-number ticks only, and no legend for the single series.
        var texts = XDocument.Parse(Charts.Charts.Svg(spec)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.DoesNotContain(texts, t => t.Contains(',', StringComparison.Ordinal));
        Assert.Contains("2", texts);
        Assert.Single(texts, t => t == "Anzahl"); // the axis label; a legend would repeat it
        var half = ChartSpec.Histogram("Bewertung", [0, 0.5, 1], binCount: 2, countName: "Anzahl", German);
        Assert.Equal(["0–0,5", "0,5–1"], half.Categories);
        Assert.Contains("0,5–1", Charts.Charts.Svg(half), StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_with_the_wrong_number_of_values_is_refused()
    {
        var spec = new ChartSpec("T", ChartKind.Column, ["a", "b"], [new ChartSeries("s", [1])], German);

        Assert.Throws<ArgumentException>(() => Charts.Charts.Svg(spec));
    }

    [Fact]
    public void Every_palette_colour_has_at_least_4_5_to_1_contrast_against_white()
    {
        foreach (var hex in Charts.Charts.Palette.Append(Charts.Charts.TextColor))
        {
            var channels = new[] { 1, 3, 5 }.Select(i => Convert.ToInt32(hex.Substring(i, 2), 16) / 255.0)
                .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
            var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
            Assert.True(1.05 / (luminance + 0.05) >= 4.5, $"{hex} has too little contrast against white");
        }
    }
}
