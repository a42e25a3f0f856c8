using System.Net;
using System.Text.RegularExpressions;

namespace Alliance.Probes.Tests;

/// <summary>
/// Key forms posted with NUL, non-characters and lone surrogates in every text field: pages drop those characters
/// (RequestInputFilter), so the form is answered like any other input — never a 500.
/// </summary>
[Collection(ProbeApp.Collection)]
public sealed partial class PageFormTests(ProbeApp app)
{
    [Theory]
    [InlineData("anonymous", "/account/login")]
    [InlineData("anonymous", "/account/forgot-password")]
    [InlineData("representativeA", "/account/profile")]
    [InlineData("representativeA", "/labs/needs/new")]
    [InlineData("representativeA", "/labs/proposals/new")]
    [InlineData("staff", "/labs/new")]
    [InlineData("staff", "/people/new")]
    [InlineData("staff", "/organizations/new")]
    [InlineData("staff", "/meetings/new")]
    public async Task A_form_post_with_refused_characters_is_never_a_500(string caller, string page)
    {
        var client = await app.ClientAsync(caller);
        var html = await client.GetStringAsync(page);
        var form = FormPattern().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains("_handler", StringComparison.Ordinal));
        Assert.True(form is not null, $"no form on {page}");

        // Already form-encoded: NUL, U+FFFE, a lone surrogate in CESU-8 form.
        foreach (var bad in new[] { "a%00b", "%EF%BF%BE", "x%ED%A0%80y" })
        {
            var fields = new List<string>();
            foreach (Match input in InputPattern().Matches(form))
            {
                var name = WebUtility.HtmlDecode(input.Groups["name"].Value);
                var type = TypePattern().Match(input.Value) is { Success: true } t ? t.Groups[1].Value : "text";
                var value = ValuePattern().Match(input.Value) is { Success: true } v ? WebUtility.HtmlDecode(v.Groups[1].Value) : "";
                var keep = type is "hidden" or "checkbox" or "radio" or "number" or "date" or "datetime-local" or "time" || input.Value.StartsWith("<select", StringComparison.OrdinalIgnoreCase);
                fields.Add(Uri.EscapeDataString(name) + "=" + (keep ? Uri.EscapeDataString(value) : bad));
            }

            using var content = new StringContent(string.Join("&", fields));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            using var response = await client.PostAsync(page, content);

            Assert.True((int)response.StatusCode < 500, $"{caller} POST {page} with {bad}: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(?:input|textarea|select)[^>]*\\bname=\"(?<name>[^\"]+)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\btype=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex TypePattern();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValuePattern();
}
