using System.Net;
using System.Text.RegularExpressions;
using Alliance.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Xunit;

namespace Alliance.Tests.Support;

/// <summary>
/// Posts a statically rendered form as a browser does (antiforgery token from the page, <c>_handler</c> = the form's
/// name) and reads the inline messages of the answer: the HTTP-level check of docs/modules.md "Forms: typed values are text".
/// </summary>
public static class FormPosts
{
    /// <summary>Switches the signed-in client's pages to <paramref name="language"/> ("de" or "en").</summary>
    public static async Task UseLanguageAsync(this HttpClient client, string language)
    {
        using var switched = await client.GetAsync($"/culture/{language}?returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
    }

    /// <summary>A client signed in as <paramref name="email"/> whose pages are in <paramref name="language"/>.</summary>
    public static async Task<HttpClient> SignedInWithLanguageAsync(this AllianceApp app, string email, string language)
    {
        var client = await app.SignedInAsync(email);
        await client.UseLanguageAsync(language);
        return client;
    }

    /// <summary>
    /// GETs <paramref name="url"/>, posts the form named <paramref name="formName"/> there with <paramref name="fields"/>
    /// (names as the page renders them, e.g. <c>Input.Amount</c>) and returns the answer's HTML, entities decoded.
    /// The answer must be the page again (200), not a redirect: a refused form stays on its page.
    /// </summary>
    public static async Task<string> PostFormAsync(this HttpClient client, string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        using var answer = await client.SubmitFormAsync(url, formName, fields);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
    }

    /// <summary>As <see cref="PostFormAsync"/>, returning the answer as it comes (a saved form redirects: 302).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        Assert.Contains($"name=\"_handler\" value=\"{formName}\"", page, StringComparison.Ordinal);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual("", token);
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>The first inline message under the field with this id (<c>{id}-error</c>), or "" when there is none.</summary>
    public static string ErrorOf(string html, string id) =>
        Regex.Match(html, $"id=\"{Regex.Escape(id)}-error\">\\s*(?:<div class=\"validation-message\">)?([^<\\s][^<]*)<").Groups[1].Value;

    /// <summary>Asserts the page shows no message of the framework's form binder ("The value '' is not valid for 'Amount'.").</summary>
    public static void HasNoBinderMessage(string html) =>
        Assert.DoesNotContain("is not valid for", html, StringComparison.Ordinal);

    /// <summary>The kernel's form messages in <paramref name="language"/> (what FormFields reports).</summary>
    public static FormMessages Messages(string language) => language == "de"
        ? new("Bitte ausfüllen.", "Bitte eine ganze Zahl eingeben.", "Bitte ein Datum eingeben.", "Bitte eine Zahl eingeben, z. B. 1.234,56.", "Bitte einen Eintrag aus der Liste wählen.")
        : new("Please fill in this field.", "Please enter a whole number.", "Please enter a date.", "Please enter a number, e.g. 1,234.56.", "Please choose an entry from the list.");

    /// <summary>A module text in <paramref name="language"/>, as its validators write it.</summary>
    public static Task<string> TextAsync<TText>(this AllianceApp app, string language, string key, params object[] arguments) =>
        app.WithScopeAsync(sp =>
        {
            using var _ = Cultures.Use(language);
            return Task.FromResult(sp.GetRequiredService<IStringLocalizer<TText>>()[key, arguments].Value);
        });
}

/// <summary>The kernel's messages for a typed field that could not be read.</summary>
public sealed record FormMessages(string Missing, string NotAWholeNumber, string NotADate, string NotALocalNumber, string NotAChoice);
