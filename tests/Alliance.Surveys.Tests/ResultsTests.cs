using System.Globalization;
using System.Net;
using Alliance.Members.Contracts;
using Alliance.Surveys.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace Alliance.Surveys.Tests;

/// <summary>
/// The results on a small known data set: exact counts, shares, means and medians computed by PostgreSQL; breakdowns
/// that hide small groups and the group that would give them away; the change against the previous wave in
/// percentage points; staff only.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class ResultsTests(AllianceApp app)
{
    private async Task<SurveyResultsView> ResultsAsync(Guid surveyId, Breakdown breakdown = Breakdown.None)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        return await app.SendAsync(new GetSurveyResults(surveyId, breakdown), await app.PrincipalAsync(DemoUsers.Staff));
    }

    [Fact]
    public async Task Counts_shares_means_medians_matrix_dates_and_rate_are_exact()
    {
        var organization = (await app.SendAsync(new GetActiveOrganizations())).First();
        var s = await ResultsScenario.CreateAsync(app, "Ergebnisse exakt", organizationId: organization.Id);
        var view = await ResultsAsync(s.SurveyId);

        Assert.Equal(12, view.Responses);
        Assert.Equal(20, view.Invitations);
        Assert.Equal(60.0, view.ResponseRatePercent);

        var single = view.Questions.Single(q => q.QuestionId == s.SingleId);
        Assert.Equal(12, single.Answered);
        Assert.Equal([("A", 6, 50.0), ("B", 3, 25.0), ("C", 2, 16.7), ("Sonstiges", 1, 8.3)], single.Choices.Select(c => (c.Label, c.Count, c.Percent)));
        var other = Assert.Single(single.Texts);
        Assert.Equal(ResultsScenario.FormulaText, other.Text);
        Assert.True(other.IsOther);
        Assert.Equal(organization.Name, other.Organization);

        // Multiple choice: shares of the 10 respondents, so they add up to more than 100 %.
        var multiple = view.Questions.Single(q => q.QuestionId == s.MultipleId);
        Assert.Equal(10, multiple.Answered);
        Assert.Equal([("X", 8, 80.0), ("Y", 5, 50.0)], multiple.Choices.Select(c => (c.Label, c.Count, c.Percent)));

        var scale = view.Questions.Single(q => q.QuestionId == s.ScaleId);
        Assert.Equal(12, scale.Answered);
        Assert.Equal([1, 2, 3, 3, 3], scale.Choices.Select(c => c.Count));
        Assert.Equal(41.0 / 12, scale.Summary!.Mean, 6);
        Assert.Equal(3.5, scale.Summary.Median);
        Assert.Equal((1.0, 5.0), (scale.Summary.Min, scale.Summary.Max));

        var number = view.Questions.Single(q => q.QuestionId == s.NumberId);
        Assert.Equal(4, number.Answered);
        Assert.Equal((25.0, 25.0, 10.0, 40.0), (number.Summary!.Mean, number.Summary.Median, number.Summary.Min, number.Summary.Max));
        Assert.Equal(4, number.Choices.Sum(c => c.Count));

        var date = view.Questions.Single(q => q.QuestionId == s.DateId);
        Assert.Equal((new DateOnly(2019, 3, 1), new DateOnly(2024, 6, 15)), (date.Earliest!.Value, date.Latest!.Value));

        var matrix = view.Questions.Single(q => q.QuestionId == s.MatrixId);
        Assert.Equal(12, matrix.Answered);
        var energy = matrix.Rows.Single(r => r.Label == "Energie");
        Assert.Equal((4.0, 4.0), (energy.Summary!.Mean, energy.Summary.Median));
        Assert.Equal(100.0, energy.Scale.Single(v => v.Label == "4").Percent);
        var waste = matrix.Rows.Single(r => r.Label == "Abfall");
        Assert.Equal((2.5, 2.5), (waste.Summary!.Mean, waste.Summary.Median));
        Assert.Equal([0.0, 50.0, 50.0, 0.0, 0.0], waste.Scale.Select(v => v.Percent));

        var yesNo = view.Questions.Single(q => q.QuestionId == s.YesNoId);
        Assert.Equal([("Ja", 75.0), ("Nein", 25.0)], yesNo.Choices.Select(c => (c.Label, c.Percent)));

        var text = view.Questions.Single(q => q.QuestionId == s.TextId);
        Assert.Equal(2, text.TextCount);
        Assert.Equal(["Ladesäulen", "Mehr Austausch"], text.Texts.Select(t => t.Text).Order());
    }

    [Fact]
    public async Task A_breakdown_hides_groups_under_five_and_the_next_smallest_that_would_give_them_away()
    {
        var s = await ResultsScenario.CreateAsync(app, "Ergebnisse nach Größe");
        var view = await ResultsAsync(s.SurveyId, Breakdown.SizeClass);

        // Small 6 shown; Micro 1 hidden, and Medium 5 too: otherwise total − Small − Medium = Micro.
        Assert.Equal([("Micro", true, (int?)null), ("Small", false, 6), ("Medium", true, null)], view.Groups.Select(g => (g.Key, g.Hidden, g.Responses)));
        var single = view.Questions.Single(q => q.QuestionId == s.SingleId);
        var a = single.Choices.Single(c => c.Label == "A");
        Assert.Equal(100.0, a.ByGroup[1]!.Percent);
        Assert.Null(a.ByGroup[0]);
        Assert.Null(a.ByGroup[2]);
        Assert.Equal([null, (int?)6, null], single.AnsweredByGroup);
        var scale = view.Questions.Single(q => q.QuestionId == s.ScaleId);
        Assert.Equal(14.0 / 6, scale.Summary!.ByGroup[1]!.Mean, 6);
        Assert.Null(scale.Summary.ByGroup[2]);

        // By partner group (Company 7, Science 5) nothing is hidden; Science answered B×2 C×2 and "other".
        var byGroup = await ResultsAsync(s.SurveyId, Breakdown.PartnerGroup);
        Assert.Equal([("Company", false), ("Science", false)], byGroup.Groups.Select(g => (g.Key, g.Hidden)));
        var science = byGroup.Questions.Single(q => q.QuestionId == s.SingleId).Choices.Select(c => c.ByGroup[1]!.Count).ToList();
        Assert.Equal([0, 2, 2, 1], science);
        Assert.Equal(["Unternehmen", "Wissenschaft"], byGroup.Groups.Select(g => g.Label));
    }

    [Fact]
    public async Task Charts_show_shares_distributions_ranges_and_only_the_visible_groups()
    {
        var s = await ResultsScenario.CreateAsync(app, "Ergebnisse Diagramme");
        var view = await ResultsAsync(s.SurveyId, Breakdown.SizeClass);
        var text = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Alliance.Surveys.Resources.ResultsText>>();
        var german = CultureInfo.GetCultureInfo("de-DE");
        IReadOnlyList<ResultChart> Charts(Guid question) => ResultCharts.For(view, view.Questions.Single(q => q.QuestionId == question), text, german);

        var single = Charts(s.SingleId);
        Assert.Equal(2, single.Count);
        Assert.Equal(("Frage 1: Anteile in %", Alliance.Shared.Charts.ChartKind.HorizontalBar), (single[0].Spec.Title, single[0].Spec.Kind));
        Assert.Equal(["A", "B", "C", "Sonstiges"], single[0].Spec.Categories);
        Assert.Equal([50.0, 25.0, 16.7, 8.3], Assert.Single(single[0].Spec.Series).Values);
        // Per group: only Small (6); Micro and Medium are hidden and have no bar, no series, no table column.
        var small = view.Groups.Single(g => g.Key == "Small").Label;
        Assert.Equal([small], single[1].Spec.Series.Select(x => x.Name));
        Assert.Equal([100.0, 0.0, 0.0, 0.0], single[1].Spec.Series[0].Values);
        Assert.Equal("Gruppen mit weniger als 5 Antworten fehlen im Diagramm.", single[1].Description);

        var scale = Charts(s.ScaleId)[0];
        Assert.Equal((Alliance.Shared.Charts.ChartKind.Column, "Frage 3: Verteilung in %"), (scale.Spec.Kind, scale.Spec.Title));
        Assert.Equal(["1", "2", "3", "4", "5"], scale.Spec.Categories);
        Assert.Equal([8.3, 16.7, 25.0, 25.0, 25.0], scale.Spec.Series[0].Values);

        var number = Assert.Single(Charts(s.NumberId)).Spec;
        Assert.Equal(4.0, number.Series[0].Values.Sum());
        var matrix = Assert.Single(Charts(s.MatrixId)).Spec;
        Assert.Equal(Alliance.Shared.Charts.ChartKind.StackedBar, matrix.Kind);
        Assert.Equal(["Energie", "Abfall"], matrix.Categories);
        Assert.Equal([0.0, 50.0], matrix.Series[1].Values);
        Assert.Empty(Charts(s.DateId));
        Assert.Empty(Charts(s.TextId));

        // When every group is hidden there is no group chart at all.
        var hiddenAll = view with { Groups = view.Groups.Select(g => g with { Hidden = true, Responses = null }).ToList() };
        var noGroups = hiddenAll with
        {
            Questions = view.Questions.Select(q => q with { Choices = q.Choices.Select(c => c with { ByGroup = c.ByGroup.Select(_ => (GroupCell?)null).ToList() }).ToList() }).ToList(),
        };
        Assert.Single(ResultCharts.For(noGroups, noGroups.Questions.Single(q => q.QuestionId == s.SingleId), text, german));

        // On the page: a figure per chart with caption and data table; the picture is an img, never inline SVG.
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/surveys/{s.SurveyId}/results?breakdown=SizeClass"));
        Assert.Contains("<figure class=\"chart\" id=\"chart-1\">", page);
        Assert.Contains("<figure class=\"chart\" id=\"chart-1-groups\">", page);
        Assert.Contains("src=\"data:image/svg+xml;base64,", page);
        var figure = page[page.IndexOf("id=\"chart-1\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<svg", figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)]);
        Assert.Contains("Frage 1: Anteile in % je Gruppe (Größenklasse)", page);
        Assert.Contains($"href=\"/api/surveys/{s.SurveyId}/results.pdf?breakdown=SizeClass\"", page);
    }

    [Fact]
    public async Task Hidden_groups_leave_no_figure_in_the_api_answer_or_the_page()
    {
        var s = await ResultsScenario.CreateAsync(app, "Ergebnisse verborgen");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var json = await staff.GetStringAsync($"/api/surveys/{s.SurveyId}/results?breakdown=SizeClass");
        Assert.Contains("\"key\":\"Medium\",\"label\":", json);
        Assert.Contains("\"responses\":null,\"hidden\":true", json);
        Assert.DoesNotContain("\"responses\":5", json);

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/surveys/{s.SurveyId}/results?breakdown=SizeClass"));
        Assert.Contains("weniger als 5 Antworten", page);
        Assert.Contains("Nutzen Sie ein Umweltmanagementsystem?", page);
        Assert.Contains($"href=\"/surveys/{s.SurveyId}/import\"", page);
        Assert.Contains("Gruppe", page);
        Assert.Contains("Datei lesen", await staff.GetStringAsync($"/surveys/{s.SurveyId}/import"));

        // The same page in English: texts, German answers as entered, English question texts where given.
        await staff.GetAsync("/culture/en?returnUrl=/");
        var english = WebUtility.HtmlDecode(await staff.GetStringAsync($"/surveys/{s.SurveyId}/results?breakdown=SizeClass"));
        Assert.Contains("Break down by", english);
        Assert.Contains("fewer than 5 responses", english);
        Assert.Contains("Nutzen Sie ein Umweltmanagementsystem? (en)", english);
        Assert.Contains("Read file", await staff.GetStringAsync($"/surveys/{s.SurveyId}/import"));
    }

    [Fact]
    public async Task The_next_wave_shows_the_change_in_percentage_points()
    {
        var previous = await ResultsScenario.CreatePreviousWaveAsync(app, "Befragung 2025");
        var s = await ResultsScenario.CreateAsync(app, "Befragung 2026", previousWaveId: previous);
        var view = await ResultsAsync(s.SurveyId);

        Assert.Equal(previous, view.PreviousWave!.SurveyId);
        var single = view.Questions.Single(q => q.QuestionId == s.SingleId);
        Assert.True(single.ComparedWithPreviousWave);
        // A: 50 % → 50 %, B: 50 % → 25 %; C was not offered before: no comparison.
        Assert.Equal([(50.0, 0.0), (50.0, -25.0)], single.Choices.Take(2).Select(c => (c.PreviousPercent!.Value, c.ChangePoints!.Value)));
        Assert.Null(single.Choices[2].ChangePoints);
        var scale = view.Questions.Single(q => q.QuestionId == s.ScaleId);
        Assert.Equal(3.0, scale.Summary!.PreviousMean);
        Assert.Equal(0.42, scale.Summary.MeanChange);
        Assert.False(view.Questions.Single(q => q.QuestionId == s.NumberId).ComparedWithPreviousWave);

        // The wave comparison chart: the previous wave beside this one; C was not offered then (0, with a note).
        var chart = ResultCharts.For(view, single, app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Alliance.Surveys.Resources.ResultsText>>(),
            CultureInfo.GetCultureInfo("de-DE"))[0];
        Assert.Equal(["Welle 1", "Welle 2"], chart.Spec.Series.Select(x => x.Name));
        Assert.Equal([50.0, 50.0, 0.0], chart.Spec.Series[0].Values.Take(3));
        Assert.Equal([50.0, 25.0, 16.7], chart.Spec.Series[1].Values.Take(3));
        Assert.Contains("Antworten ohne Vergleichswert aus Welle 1 stehen dort mit 0.", chart.Description);

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/surveys/{s.SurveyId}/results"));
        Assert.Contains("−25,0 Pp.", page);
        Assert.Contains("Welle 1", page);
    }

    [Fact]
    public async Task A_total_under_the_minimum_is_hidden_in_every_view_so_no_hidden_group_can_be_read_from_it()
    {
        // 4 responses, all of size class Small: the breakdown hides Small, and the total would be Small's figures.
        var s = await ResultsScenario.CreateAsync(app, "Ergebnisse zu wenige");
        await s.KeepResponsesAsync(app, 4);
        var none = await ResultsAsync(s.SurveyId);
        Assert.Equal((4, true), (none.Responses, none.FiguresHidden));
        Assert.Empty(none.Questions);
        var bySize = await ResultsAsync(s.SurveyId, Breakdown.SizeClass);
        Assert.Equal([("Small", true, (int?)null)], bySize.Groups.Select(g => (g.Key, g.Hidden, g.Responses)));
        Assert.Empty(bySize.Questions);

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var json = await staff.GetStringAsync($"/api/surveys/{s.SurveyId}/results?breakdown=SizeClass");
        Assert.Contains("\"questions\":[]", json);
        Assert.Contains("\"figuresHidden\":true", json);
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/surveys/{s.SurveyId}/results"));
        Assert.Contains("Es liegen weniger als 5 Antworten vor.", page);
        Assert.DoesNotContain("Nutzen Sie ein Umweltmanagementsystem?", page);
        var pdf = System.Text.RegularExpressions.Regex.Replace(
            await ExportReaders.PdfTextAsync(await staff.GetByteArrayAsync($"/api/surveys/{s.SurveyId}/results.pdf?breakdown=SizeClass")), @"\s+", " ");
        Assert.Contains("erscheinen Ergebnisse erst ab 5 Antworten", pdf);
        Assert.DoesNotContain("Nutzen Sie ein Umweltmanagementsystem?", pdf);

        // At the minimum the figures are back: 5 responses (all Small, A×5), Small shown as a group of 5.
        var five = await ResultsScenario.CreateAsync(app, "Ergebnisse genau fünf");
        await five.KeepResponsesAsync(app, 5);
        var shown = await ResultsAsync(five.SurveyId, Breakdown.SizeClass);
        Assert.False(shown.FiguresHidden);
        Assert.Equal([("Small", false, (int?)5)], shown.Groups.Select(g => (g.Key, g.Hidden, g.Responses)));
        Assert.Equal((5, 100.0), shown.Questions.Single(q => q.QuestionId == five.SingleId).Choices.Select(c => (c.Count, c.Percent)).First());

        // A previous wave under the minimum is not compared with (its shares would be its few respondents' answers).
        var small = await ResultsScenario.CreatePreviousWaveAsync(app, "Befragung klein", responses: 4);
        var next = await ResultsScenario.CreateAsync(app, "Befragung nach kleiner Welle", previousWaveId: small);
        var compared = await ResultsAsync(next.SurveyId);
        Assert.Equal((small, true, 4), (compared.PreviousWave!.SurveyId, compared.PreviousWave.FiguresHidden, compared.PreviousWave.Responses));
        Assert.All(compared.Questions, q => Assert.False(q.ComparedWithPreviousWave));
        Assert.All(compared.Questions.SelectMany(q => q.Choices), c => Assert.Null(c.PreviousPercent));
        Assert.Null(compared.Questions.Single(q => q.QuestionId == next.ScaleId).Summary!.PreviousMean);
        var comparedPage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/surveys/{next.SurveyId}/results"));
        Assert.Contains("nicht verglichen: weniger als 5 Antworten", comparedPage);
    }

    [Fact]
    public async Task An_anonymous_survey_lists_texts_without_organisation()
    {
        var organization = (await app.SendAsync(new GetActiveOrganizations())).First();
        var s = await ResultsScenario.CreateAsync(app, "Anonym", anonymous: true, organizationId: organization.Id);
        var view = await ResultsAsync(s.SurveyId);
        Assert.All(view.Questions.SelectMany(q => q.Texts), t => Assert.Null(t.Organization));
    }

    [Fact]
    public async Task Only_staff_see_results_and_exports()
    {
        var s = await ResultsScenario.CreateAsync(app, "Nur Geschäftsstelle");
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        foreach (var path in new[] { "results", "results?breakdown=Sector", "responses.csv", "responses.xlsx", "results.xlsx", "results.pdf" })
        {
            var response = await representative.GetAsync($"/api/surveys/{s.SurveyId}/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        var page = await representative.GetAsync($"/surveys/{s.SurveyId}/results");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ForbiddenException>(() =>
            app.SendAsync(new GetSurveyResults(s.SurveyId), app.PrincipalAsync(DemoUsers.Representative).Result));

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/surveys/{s.SurveyId}/results")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_survey_is_404_and_an_unknown_breakdown_400()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/surveys/{Guid.NewGuid()}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/surveys/{Guid.NewGuid()}/results?breakdown=Shoe")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { 6, 5, 1 }, new[] { 1, 2 })]
    [InlineData(new[] { 6, 6, 3, 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 10, 4 }, new[] { 0, 1 })]
    [InlineData(new[] { 2, 2, 10, 12 }, new[] { 0, 1, 2 })]
    [InlineData(new[] { 5, 5, 9 }, new int[0])]
    public void Suppression_hides_small_groups_and_enough_others_that_none_can_be_computed(int[] sizes, int[] hidden)
    {
        var groups = sizes.Select((n, i) => (Key: $"g{i}", n)).ToDictionary(g => g.Key, g => g.n);
        Assert.Equal(hidden.Select(i => $"g{i}").Order(), GroupSuppression.Hidden(groups, 5).Order());
    }

    [Theory]
    [InlineData("2", false)]
    [InlineData("3", true)]
    [InlineData(null, true)]
    public void A_minimum_group_size_below_three_is_refused_at_start(string? configured, bool accepted)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            configured is null ? [] : new Dictionary<string, string?> { ["Surveys:MinimumGroupSize"] = configured }).Build();
        using var services = new ServiceCollection().AddSurveyResults(configuration).BuildServiceProvider();
        var read = () => services.GetRequiredService<IOptions<ResultsOptions>>().Value;
        if (accepted)
        {
            Assert.True(read().MinimumGroupSize >= 3);
        }
        else
        {
            Assert.Throws<OptionsValidationException>(read);
        }
    }
}
