using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Import;

/// <summary>
/// Imports an earlier survey's responses from a spreadsheet as the wave before <see cref="SurveyId"/> (staff only):
/// a closed, anonymous survey with a copy of its questions (so the results compare them question by question) holding
/// one response per valid row; rows with errors are left out, as the preview said. The survey then points back at the
/// imported wave. Answers 409 when the survey already has a previous wave, 400 when no row is valid — and then stores
/// nothing.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ImportSurveyResponses(Guid SurveyId, string FileName, byte[] Content, IReadOnlyList<string?> Mapping) : IRequest<Guid>;

internal sealed class ImportSurveyResponsesValidator : AbstractValidator<ImportSurveyResponses>
{
    public ImportSurveyResponsesValidator(IStringLocalizer<ResultsText> text) =>
        ImportFileRules.Apply(this, r => r.FileName, r => r.Content, r => r.Mapping, text);
}

internal sealed class ImportSurveyResponsesHandler(SurveysDbContext db, ImportPlanner planner, IStringLocalizer<ResultsText> text, TimeProvider clock)
    : IRequestHandler<ImportSurveyResponses, Guid>
{
    public async Task<Guid> Handle(ImportSurveyResponses request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request.SurveyId, request.FileName, request.Content, request.Mapping, cancellationToken);
        var survey = await db.Surveys.FirstAsync(s => s.Id == request.SurveyId, cancellationToken);
        if (survey.PreviousWaveId is not null)
        {
            throw new ConflictException(text["Import_HasPreviousWave"]);
        }

        var rows = plan.Rows.Where(r => r.Errors.Count == 0 && r.Answers.Count > 0).ToList();
        if (rows.Count == 0)
        {
            throw new ValidationException([new ValidationFailure("Content", text["Import_NothingValid"])]);
        }

        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var days = rows.Select(r => r.SubmittedOn ?? today).ToList();
        var imported = new Survey
        {
            Id = Guid.NewGuid(), SeriesId = Guid.NewGuid(), Wave = 1,
            TitleDe = Limit(text["Import_WaveTitle", survey.TitleDe]), TitleEn = Limit(text["Import_WaveTitle", survey.TitleEn]),
            Status = SurveyStatus.Closed, Anonymous = true, ResponseUnit = survey.ResponseUnit,
            OpensOn = days.Min(), ClosesOn = days.Max(), MinGroupSize = survey.MinGroupSize,
            CreatedAt = now, PublishedAt = now, ClosedAt = now,
        };
        db.Surveys.Add(imported);
        var ids = await CopyQuestionsAsync(survey.Id, imported.Id, cancellationToken);

        foreach (var (row, day) in rows.Zip(days))
        {
            var response = new Response
            {
                Id = Guid.NewGuid(), SurveyId = imported.Id, PartnerGroup = row.PartnerGroup, Sector = row.Sector, SizeClass = row.SizeClass, SubmittedOn = day,
            };
            db.Responses.Add(response);
            db.Answers.AddRange(row.Answers.Select(a => new Answer
            {
                Id = Guid.NewGuid(), ResponseId = response.Id, QuestionId = ids[a.QuestionId],
                OptionId = a.OptionId is { } option ? ids[option] : null, RowOptionId = a.RowOptionId is { } matrixRow ? ids[matrixRow] : null,
                ScaleValue = a.Scale, NumberValue = a.Number, TextValue = a.Text, DateValue = a.Date,
            }));
        }

        survey.PreviousWaveId = imported.Id;
        return imported.Id;
    }

    /// <summary>Copies sections, questions and options into the imported wave; old id → new id.</summary>
    private async Task<Dictionary<Guid, Guid>> CopyQuestionsAsync(Guid from, Guid to, CancellationToken ct)
    {
        var ids = new Dictionary<Guid, Guid>();
        Guid New(Guid old) => ids.TryGetValue(old, out var id) ? id : ids[old] = Guid.NewGuid();
        foreach (var section in await db.Sections.AsNoTracking().Where(s => s.SurveyId == from).ToListAsync(ct))
        {
            db.Sections.Add(new Section { Id = New(section.Id), SurveyId = to, Position = section.Position, TitleDe = section.TitleDe, TitleEn = section.TitleEn });
        }

        var questions = await db.Questions.AsNoTracking().Where(q => q.SurveyId == from).ToListAsync(ct);
        var questionIds = questions.Select(q => q.Id).ToList();
        var options = await db.Options.AsNoTracking().Where(o => questionIds.Contains(o.QuestionId)).ToListAsync(ct);
        foreach (var question in questions)
        {
            question.Id = New(question.Id);
            question.SurveyId = to;
            question.SectionId = New(question.SectionId);
            // The imported answers are taken as given: no conditions on the copy.
            question.ShowIfQuestionId = null;
            question.ShowIfOptionId = null;
            db.Questions.Add(question);
        }

        foreach (var option in options)
        {
            option.Id = New(option.Id);
            option.QuestionId = New(option.QuestionId);
            db.Options.Add(option);
        }

        return ids;
    }

    private static string Limit(string title) => title.Length > TextLimits.Title ? title[..TextLimits.Title] : title;
}
