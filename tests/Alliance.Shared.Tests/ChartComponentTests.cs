using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Alliance.Shared.Charts;
using Alliance.Shared.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Tests;

public sealed class ChartComponentTests
{
    private static ChartSpec Spec(CultureInfo culture) => new(
        "Zufriedenheit <Umfrage>",
        ChartKind.HorizontalBar,
        ["Sehr zufrieden", "Eher unzufrieden"],
        [new ChartSeries("Anteil", [62.5, 37.5])],
        culture)
    {
        CategoryAxisLabel = "Antwort",
    };

    [Fact]
    public async Task The_chart_renders_a_figure_with_caption_image_and_a_table_of_the_same_values_in_german()
    {
        var html = await Render(Spec(CultureInfo.GetCultureInfo("de-DE")), "de-DE");

        Assert.Contains("<figure class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Matches("<figcaption>.*Zufriedenheit &lt;Umfrage&gt;.*</figcaption>", html.ReplaceLineEndings(" "));
        Assert.Contains("<th scope=\"col\">Antwort</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"text-end\">Anteil</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Sehr zufrieden</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\">62,5</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\">37,5</td>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Werte als Tabelle</summary>", html, StringComparison.Ordinal);
        Assert.Equal("Diagramm „Zufriedenheit <Umfrage>“ – die Werte stehen in der Tabelle darunter.", Alt(html));

        // The picture is an SVG inside a data URI: well-formed, with the labels, and no raw markup in the page.
        const string prefix = "data:image/svg+xml;base64,";
        var source = Attribute(html, "src");
        Assert.StartsWith(prefix, source, StringComparison.Ordinal);
        source = source[prefix.Length..];
        var svg = XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(source)));
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Trim() == "Sehr zufrieden");
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_english_the_texts_are_english_and_numbers_use_a_decimal_point()
    {
        var html = await Render(Spec(CultureInfo.GetCultureInfo("en")) with { CategoryAxisLabel = null }, "en");

        Assert.Contains("<th scope=\"col\">Category</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\">62.5</td>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Values as a table</summary>", html, StringComparison.Ordinal);
        Assert.Equal("Chart “Zufriedenheit <Umfrage>” – the values are in the table below.", Alt(html));
    }

    private static string Alt(string html) => Attribute(html, "alt");

    private static string Attribute(string html, string name) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, $" {name}=\"([^\"]*)\"").Groups[1].Value);

    private static async Task<string> Render(ChartSpec spec, string culture)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        await using var _ = services;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<Chart>(ParameterView.FromDictionary(
                    new Dictionary<string, object?> { [nameof(Chart.Spec)] = spec }));
                return output.ToHtmlString();
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
