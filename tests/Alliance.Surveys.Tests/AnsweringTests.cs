using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Surveys.Builder;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Publishing;
using Alliance.Surveys.SurveysCore;
using Alliance.Shared.Errors;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Tests;

/// <summary>Answering through the personal link: round trips, conditions, drafts, bad input, anonymity, immutability.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class AnsweringTests(AllianceApp app)
{
    [Fact]
    public async Task Every_question_kind_round_trips_into_one_row_per_value()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync();
        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        // A second tab with the form, left open while the answers are submitted elsewhere.
        using var oldTab = app.Anonymous();
        var oldForm = await oldTab.GetStringAsync($"/s/{token}");

        var response = await app.Anonymous().SubmitAsync(survey.Id, token, SurveyTestData.FullAnswers(survey));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var stored = await app.SurveysDbAsync(async db =>
        {
            var r = await db.Responses.SingleAsync(x => x.SurveyId == survey.Id);
            return (Response: r, Answers: await db.Answers.Where(a => a.ResponseId == r.Id).ToListAsync());
        });
        Assert.Equal(organization, stored.Response.OrganizationId);
        Assert.NotNull(stored.Response.PartnerGroup);
        var a = stored.Answers;
        Assert.Equal("Gelb", Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.SingleChoice]).TextValue);
        Assert.Equal(survey.Options[QuestionKind.MultipleChoice].Where((_, i) => i != 1).Order(),
            a.Where(x => x.QuestionId == survey.Questions[QuestionKind.MultipleChoice]).Select(x => x.OptionId!.Value).Order());
        Assert.Equal(survey.Options[QuestionKind.YesNo][0], Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.YesNo]).OptionId);
        Assert.Equal(4, Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.Scale]).ScaleValue);
        Assert.Equal(42.5m, Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.Number]).NumberValue);
        Assert.Equal("=SUMME(A1)", Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.ShortText]).TextValue);
        Assert.Equal("Lang\nmehrzeilig", Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.LongText]).TextValue);
        Assert.Equal(new DateOnly(2026, 12, 24), Assert.Single(a, x => x.QuestionId == survey.Questions[QuestionKind.Date]).DateValue);
        var matrix = a.Where(x => x.QuestionId == survey.Questions[QuestionKind.Matrix]).OrderBy(x => x.ScaleValue).ToList();
        Assert.Equal([(survey.Options[QuestionKind.Matrix][0], 1), (survey.Options[QuestionKind.Matrix][1], 5)],
            matrix.Select(x => (x.RowOptionId!.Value, x.ScaleValue!.Value)));
        Assert.Equal("Weil es hilft", Assert.Single(a, x => x.QuestionId == survey.ConditionalQuestion).TextValue);
        Assert.True(await app.SurveysDbAsync(db => db.Invitations.Where(i => i.SurveyId == survey.Id).Select(i => i.Answered).SingleAsync()));

        // The results' pre-aggregated counts follow the submission right after its commit (the host's tally folding, not
        // the respondent's transaction): every option, scale or text answer counted once (single "other" text, 2 multiple
        // choices, yes, scale, 2 texts, 2 matrix rows, the conditional text: 10), one respondent per answered question
        // (all 10 questions), and the response no longer pending — without anyone reading the results.
        var folded = await Eventually.Until(() => app.SurveysDbAsync(async db => (
                Tallied: await db.Responses.Where(r => r.SurveyId == survey.Id).Select(r => r.Tallied).SingleAsync(),
                Answers: await db.Database.SqlQuery<int>($"SELECT coalesce(sum(n), 0)::int AS \"Value\" FROM surveys.answer_tallies WHERE survey_id = {survey.Id} AND NOT respondents").SingleAsync(),
                Respondents: await db.Database.SqlQuery<int>($"SELECT coalesce(sum(n), 0)::int AS \"Value\" FROM surveys.answer_tallies WHERE survey_id = {survey.Id} AND respondents").SingleAsync())),
            t => t.Tallied, TimeSpan.FromSeconds(10), "the response to be folded into the tallies");
        Assert.Equal((true, 10, 10), folded);

        // Answering twice: 409, nothing more stored.
        var again = await app.Anonymous().SubmitAsync(survey.Id, token, SurveyTestData.FullAnswers(survey));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // The old tab's form says so too, instead of thanking as if these answers had been taken.
        var resent = await oldTab.PostAsync($"/s/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "answer",
            ["__RequestVerificationToken"] = Regex.Match(oldForm, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["shown"] = Regex.Match(oldForm, "name=\"shown\" value=\"([^\"]*)\"").Groups[1].Value,
            ["action"] = "submit",
        }));
        Assert.Equal(HttpStatusCode.Conflict, resent.StatusCode);
        Assert.Contains("Was Sie eben gesendet haben, wurde nicht gespeichert", WebUtility.HtmlDecode(await resent.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.SurveysDbAsync(db => db.Responses.CountAsync(r => r.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task Conditional_question_is_required_only_when_shown_and_its_answer_is_dropped_when_hidden()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync();
        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        var client = app.Anonymous();

        // "Yes" without the conditional answer: it is shown, so it is required.
        var withoutReason = SurveyTestData.FullAnswers(survey)[..^1];
        var refused = await client.SubmitAsync(survey.Id, token, withoutReason);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).HasError($"Answers.{survey.ConditionalQuestion}"));

        // "No" with an answer to the (now hidden) question: accepted, the hidden answer discarded.
        var answers = SurveyTestData.FullAnswers(survey);
        answers[2] = new { questionId = survey.Questions[QuestionKind.YesNo], optionIds = new[] { survey.Options[QuestionKind.YesNo][1] } };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SubmitAsync(survey.Id, token, answers)).StatusCode);
        Assert.False(await app.SurveysDbAsync(db => db.Answers.AnyAsync(a => a.QuestionId == survey.ConditionalQuestion)));
    }

    [Fact]
    public async Task Saved_answers_come_back_from_the_link_and_the_draft_is_gone_after_submission()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync();
        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        var client = app.Anonymous();

        var partial = new object[] { new { questionId = survey.Questions[QuestionKind.Scale], scale = 2 }, new { questionId = survey.Questions[QuestionKind.ShortText], text = "Zwischenstand" } };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SaveAsync(survey.Id, token, partial)).StatusCode);

        var form = await (await client.GetAsync($"/api/surveys/{survey.Id}/answer/{token}")).JsonAsync();
        Assert.Equal("Open", form.GetProperty("state").GetString());
        var saved = form.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(2, saved.Count);
        Assert.Contains(saved, a => a.GetProperty("scale").ValueKind == System.Text.Json.JsonValueKind.Number && a.GetProperty("scale").GetInt32() == 2);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SubmitAsync(survey.Id, token, SurveyTestData.FullAnswers(survey))).StatusCode);
        Assert.False(await app.SurveysDbAsync(db => db.Drafts.AnyAsync(d => db.Invitations.Any(i => i.Id == d.InvitationId && i.SurveyId == survey.Id))));
        var after = await (await client.GetAsync($"/api/surveys/{survey.Id}/answer/{token}")).JsonAsync();
        Assert.Equal("Answered", after.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_and_stores_nothing()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync();
        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        var other = await app.CreateKindsSurveyAsync(title: "Andere");
        await app.PublishToAsync(other.Id, organization);
        var client = app.Anonymous();

        // Unknown token, and a token of another survey: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(survey.Id, "unbekannt", SurveyTestData.FullAnswers(survey))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/surveys/{other.Id}/answer/{token}")).StatusCode);

        async Task Refused(object[] answers, Guid question)
        {
            var response = await client.SubmitAsync(survey.Id, token, answers);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).HasError($"Answers.{question}"), await response.Content.ReadAsStringAsync());
        }

        var full = SurveyTestData.FullAnswers(survey);
        // A required question left empty.
        await Refused(full.Where((_, i) => i != 3).ToArray(), survey.Questions[QuestionKind.Scale]);
        // A number out of range.
        var outOfRange = (object[])full.Clone();
        outOfRange[4] = new { questionId = survey.Questions[QuestionKind.Number], number = 101 };
        await Refused(outOfRange, survey.Questions[QuestionKind.Number]);
        // A choice that is not among the question's options (one of another question).
        var foreign = (object[])full.Clone();
        foreign[1] = new { questionId = survey.Questions[QuestionKind.MultipleChoice], optionIds = new[] { survey.Options[QuestionKind.SingleChoice][0] } };
        await Refused(foreign, survey.Questions[QuestionKind.MultipleChoice]);
        // A 1 MB free text: 400 naming the limit.
        var huge = (object[])full.Clone();
        huge[6] = new { questionId = survey.Questions[QuestionKind.LongText], text = new string('x', 1_000_000) };
        var tooLong = await client.SubmitAsync(survey.Id, token, huge);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("10", await tooLong.Content.ReadAsStringAsync());
        // A scale value outside the scale in a draft.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(survey.Id, token, [new { questionId = survey.Questions[QuestionKind.Scale], scale = 9 }])).StatusCode);

        Assert.False(await app.SurveysDbAsync(db => db.Responses.AnyAsync(r => r.SurveyId == survey.Id)));
        Assert.False(await app.SurveysDbAsync(db => db.Drafts.AnyAsync(d => db.Invitations.Any(i => i.Id == d.InvitationId && i.SurveyId == survey.Id))));

        // After close: 409.
        await app.SendAsync(new CloseSurvey(survey.Id), await app.StaffAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await client.SubmitAsync(survey.Id, token, full)).StatusCode);
        Assert.False(await app.SurveysDbAsync(db => db.Responses.AnyAsync(r => r.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task Anonymous_responses_carry_no_link_to_organisation_person_or_invitation()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync(anonymous: true);
        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Anonymous().SubmitAsync(survey.Id, token, SurveyTestData.FullAnswers(survey))).StatusCode);

        var (rows, columns) = await app.SurveysDbAsync(async db =>
        {
            var r = await db.Database.SqlQuery<AnonymousRow>($"""
                SELECT organization_id AS "OrganizationId", person_id AS "PersonId", submitted_on AS "SubmittedOn", partner_group AS "PartnerGroup"
                FROM surveys.responses WHERE survey_id = {survey.Id}
                """).ToListAsync();
            var c = await db.Database.SqlQuery<string>($"""
                SELECT column_name AS "Value" FROM information_schema.columns
                WHERE table_schema = 'surveys' AND table_name IN ('responses', 'answers')
                """).ToListAsync();
            return (r, c);
        });
        var row = Assert.Single(rows);
        Assert.Null(row.OrganizationId);
        Assert.Null(row.PersonId);
        Assert.NotNull(row.PartnerGroup);
        // No column that could point back at the invitation or the token.
        Assert.DoesNotContain(columns, c => c.Contains("invitation", StringComparison.Ordinal) || c.Contains("token", StringComparison.Ordinal));
        Assert.False(await app.SurveysDbAsync(db => db.Drafts.AnyAsync(d => db.Invitations.Any(i => i.Id == d.InvitationId && i.SurveyId == survey.Id))));
    }

    [Fact]
    public async Task A_published_survey_is_immutable_and_a_new_version_is_a_draft_copy()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync();
        await app.PublishToAsync(survey.Id, organization);
        var staff = await app.StaffAsync();
        var page = await app.SendAsync(new GetSurvey(survey.Id), staff);

        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new AddQuestion(page.Sections[0].Id, QuestionKind.ShortText, "Neu", "New"), staff));
        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new UpdateQuestion(survey.Questions[QuestionKind.Scale], QuestionKind.Scale, "X", "X", ScaleMin: 1, ScaleMax: 3), staff));
        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new DeleteQuestion(survey.Questions[QuestionKind.Date]), staff));
        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new UpdateSurveySettings(survey.Id, page.Version, "X", "X", null, null, false,
            ResponseUnit.Organization, page.OpensOn, page.ClosesOn, 1, 7, 5), staff));

        var client = await app.SignedInAsync(DemoUsers.Staff);
        var http = await client.PutAsJsonAsync($"/api/surveys/questions/{survey.Questions[QuestionKind.Date]}",
            new { kind = "Date", textDe = "X", textEn = "X" });
        Assert.Equal(HttpStatusCode.Conflict, http.StatusCode);
        Assert.Equal("Frage Date", await app.SurveysDbAsync(db => db.Questions.Where(q => q.Id == survey.Questions[QuestionKind.Date]).Select(q => q.TextDe).SingleAsync()));

        var copy = await app.SendAsync(new CopySurvey(survey.Id), staff);
        var copied = await app.SendAsync(new GetSurvey(copy), staff);
        Assert.Equal(SurveyStatus.Draft, copied.Status);
        Assert.True(copied.CanEdit);
        Assert.Equal(10, copied.Sections.Sum(s => s.Questions.Count));
        var conditional = copied.Sections[0].Questions.Single(q => q.TextDe == "Warum ja?");
        var yesNo = copied.Sections[0].Questions.Single(q => q.Kind == QuestionKind.YesNo);
        Assert.Equal(yesNo.Id, conditional.ShowIfQuestionId);
        Assert.Equal(yesNo.Options[0].Id, conditional.ShowIfOptionId);
    }

    private sealed record AnonymousRow(Guid? OrganizationId, Guid? PersonId, DateOnly SubmittedOn, string? PartnerGroup);

    [Fact]
    public async Task The_api_offers_the_preview_to_staff_and_the_waiting_invitations_to_representatives()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync(title: "Vorschau per API");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var form = await (await staff.GetAsync($"/api/surveys/{survey.Id}/preview")).JsonAsync();
        Assert.Equal("Vorschau per API", form.GetProperty("titleDe").GetString());

        // Checked like a submission (required questions empty: 400) or a save (nothing required: 204); nothing stored.
        var submitting = await staff.PostAsJsonAsync($"/api/surveys/{survey.Id}/preview", new { answers = Array.Empty<object>(), submitting = true });
        Assert.Equal(HttpStatusCode.BadRequest, submitting.StatusCode);
        var saving = await staff.PostAsJsonAsync($"/api/surveys/{survey.Id}/preview", new { answers = Array.Empty<object>(), submitting = false });
        Assert.Equal(HttpStatusCode.NoContent, saving.StatusCode);
        var outOfRange = await staff.PostAsJsonAsync($"/api/surveys/{survey.Id}/preview",
            new { answers = new object[] { new { questionId = survey.Questions[QuestionKind.Number], number = 1000 } }, submitting = false });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/surveys/{Guid.NewGuid()}/preview")).StatusCode);
        Assert.Equal(0, await app.SurveysDbAsync(db => db.Responses.CountAsync(r => r.SurveyId == survey.Id)));

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/surveys/{survey.Id}/preview")).StatusCode);
        await app.PublishToAsync(survey.Id, organization);
        var waiting = await (await representative.GetAsync("/api/surveys/invitations/mine")).JsonAsync();
        var mine = Assert.Single(waiting.EnumerateArray(), w => w.GetProperty("titleDe").GetString() == "Vorschau per API");
        var invitation = mine.GetProperty("invitationId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await representative.GetAsync($"/api/surveys/invitations/{invitation}")).StatusCode);
    }
    [Fact]
    public async Task The_answer_form_shows_every_error_of_a_submit_at_once_and_unknown_or_closed_links_get_their_status()
    {
        using var stranger = app.Anonymous();
        var unknown = await stranger.GetAsync("/s/kein-gueltiger-link");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Seite nicht gefunden", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        using var englishVisitor = app.Anonymous();
        await englishVisitor.UseLanguageAsync("en");
        var unknownEnglish = await englishVisitor.GetAsync("/s/kein-gueltiger-link");
        Assert.Equal(HttpStatusCode.NotFound, unknownEnglish.StatusCode);
        Assert.Contains("Page not found", WebUtility.HtmlDecode(await unknownEnglish.Content.ReadAsStringAsync()));

        var organization = await app.RepresentativeOrganizationAsync();
        var survey = await app.CreateKindsSurveyAsync(title: "Alle Fehler auf einmal");
        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        var numberField = "q-" + survey.Questions[QuestionKind.Number].ToString("N");

        // A number that is not one and everything else empty: the number's message and the eight required questions'
        // messages come in the same answer (the conditional question stays hidden), the typed text stays in its field.
        async Task<string> SubmitUnreadableAsync(HttpClient client)
        {
            var form = await client.GetStringAsync($"/s/{token}");
            var response = await client.PostAsync($"/s/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "answer",
                ["__RequestVerificationToken"] = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
                ["shown"] = Regex.Match(form, "name=\"shown\" value=\"([^\"]*)\"").Groups[1].Value,
                ["action"] = "submit",
                [numberField] = "zwölf",
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        using var respondent = app.Anonymous();
        var german = await SubmitUnreadableAsync(respondent);
        Assert.Equal(9, Regex.Count(german, "class=\"invalid-feedback d-block\""));
        Assert.Contains($"<div class=\"invalid-feedback d-block\" id=\"{numberField}-error\">Bitte eine Zahl angeben.</div>", german);
        Assert.Equal(8, Regex.Count(german, "Bitte beantworten Sie diese Frage."));
        Assert.Contains("value=\"zwölf\"", german);
        Assert.Contains("Bitte prüfen Sie die markierten Fragen.", german);

        await respondent.GetAsync("/culture/en?returnUrl=/");
        var english = await SubmitUnreadableAsync(respondent);
        Assert.Contains("Please enter a number.", english);
        Assert.Equal(8, Regex.Count(english, "Please answer this question."));
        Assert.False(await app.SurveysDbAsync(db => db.Responses.AnyAsync(r => r.SurveyId == survey.Id)));
        Assert.False(await app.SurveysDbAsync(db => db.Drafts.AnyAsync(d => db.Invitations.Any(i => i.Id == d.InvitationId && i.SurveyId == survey.Id))));

        // After the close the link answers 410 with a page that says so.
        await app.SendAsync(new CloseSurvey(survey.Id), await app.StaffAsync());
        var closed = await app.Anonymous().GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Contains("Die Befragung ist beendet", WebUtility.HtmlDecode(await closed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_audience_by_attributes_reaches_the_organisations_matching_every_attribute_and_the_form_offers_each_sector_once()
    {
        var staff = await app.StaffAsync();
        using var browser = await app.SignedInAsync(DemoUsers.Staff);
        // The same sector spelt in another case: one choice on the form, and either spelling selects both.
        foreach (var (name, sector) in new[] { ("Gastro Eins GmbH", "Gastro-Test"), ("Gastro Zwei GmbH", "gastro-test") })
        {
            var created = await browser.PostAsJsonAsync("/api/members/organizations", new { name, partnerGroup = "Company", sector, employeeCount = 20 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var active = await app.SendAsync(new Alliance.Members.Contracts.GetActiveOrganizations());
        var choices = await app.SendAsync(new GetAudienceChoices((await app.CreateKindsSurveyAsync(title: "Auswahl")).Id), staff);
        var expectedSectors = active.Where(o => !string.IsNullOrWhiteSpace(o.Sector)).Select(o => o.Sector!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).Count();
        Assert.Equal(expectedSectors, choices.Sectors.Count);
        Assert.Single(choices.Sectors, s => s.Equals("gastro-test", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(choices.Sectors.Order(Alliance.Shared.Localization.GermanSort.IgnoringCase), choices.Sectors);

        var survey = await app.CreateKindsSurveyAsync(title: "Nach Merkmalen");
        await app.SendAsync(new SetSurveyAudience(survey.Id, true, [Alliance.Members.Contracts.PartnerGroup.Company], ["GASTRO-TEST"],
            [Alliance.Members.Contracts.SizeClass.Small]), staff);
        var reach = await app.SendAsync(new GetPublishReach(survey.Id), staff);
        Assert.Equal(2, reach.Invitees);

        // Groups only: every active company, as counted from the directory.
        await app.SendAsync(new SetSurveyAudience(survey.Id, true, [Alliance.Members.Contracts.PartnerGroup.Company]), staff);
        var companies = active.Count(o => o.PartnerGroup == Alliance.Members.Contracts.PartnerGroup.Company);
        Assert.Equal(companies, (await app.SendAsync(new GetPublishReach(survey.Id), staff)).Invitees);
    }

    [Fact]
    public async Task Before_publishing_the_page_says_how_many_invitees_get_no_mail_and_publishing_agrees()
    {
        var staff = await app.StaffAsync();
        using var browser = await app.SignedInAsync(DemoUsers.Staff);
        // An organisation without any contact: its invitation reaches nobody by mail.
        var created = await browser.PostAsJsonAsync("/api/members/organizations", new { name = "Ohne Post GmbH", partnerGroup = "Company" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var survey = await app.CreateKindsSurveyAsync(title: "Reichweite vorher");
        await app.SendAsync(new SetSurveyAudience(survey.Id, true), staff);
        var organizations = (await app.SendAsync(new Alliance.Members.Contracts.GetActiveOrganizations())).Select(o => o.Id).ToList();
        var contacts = await app.SendAsync(new Alliance.Members.Contracts.GetMemberContacts(organizations));
        var reached = contacts.Where(p => p is { IsErased: false, MayContactByEmail: true } && !string.IsNullOrWhiteSpace(p.Email))
            .Select(p => p.OrganizationId).ToHashSet();
        var withoutMail = organizations.Count(o => !reached.Contains(o));
        Assert.InRange(withoutMail, 1, organizations.Count - 1);

        var reach = await app.SendAsync(new GetPublishReach(survey.Id), staff);
        Assert.Equal((organizations.Count, withoutMail), (reach.Invitees, reach.WithoutMail));

        // The same answer over the API, for staff only; an unknown survey is 404.
        var api = await browser.GetFromJsonAsync<JsonElement>($"/api/surveys/{survey.Id}/publish-reach");
        Assert.Equal((organizations.Count, withoutMail), (api.GetProperty("invitees").GetInt32(), api.GetProperty("withoutMail").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/surveys/{Guid.NewGuid()}/publish-reach")).StatusCode);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/surveys/{survey.Id}/publish-reach")).StatusCode);
        var document = await browser.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/surveys/{surveyId}/publish-reach\"", document, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/surveys/{survey.Id}"));
        var verb = withoutMail == 1 ? "bekommt" : "bekommen";
        Assert.Contains($"{withoutMail} von {organizations.Count} Eingeladenen {verb} keine E-Mail (keine Einwilligung oder keine Adresse).", page);
        await browser.GetAsync("/culture/en?returnUrl=/");
        var english = WebUtility.HtmlDecode(await browser.GetStringAsync($"/surveys/{survey.Id}"));
        Assert.Contains($"{withoutMail} of {organizations.Count} invitees {(withoutMail == 1 ? "gets" : "get")} no e-mail (no consent or no address).", english);
        // Exactly one link to the results (none for a draft, one once published).
        Assert.DoesNotContain("id=\"results\"", english);

        var page2 = await app.SendAsync(new GetSurvey(survey.Id), staff);
        var published = await app.SendAsync(new PublishSurvey(survey.Id, page2.Version), staff);
        Assert.Equal((reach.Invitees, reach.WithoutMail), (published.Invited, published.WithoutMail));
        var after = await browser.GetStringAsync($"/surveys/{survey.Id}");
        Assert.Single(Regex.Matches(after, "href=\"/surveys/" + survey.Id + "/results\""));
        Assert.DoesNotContain("id=\"publish-reach\"", after);
    }
}
