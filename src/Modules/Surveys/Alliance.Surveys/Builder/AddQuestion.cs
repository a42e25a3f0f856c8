using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>Staff add a question of any kind at the end of a section of a draft.</summary>
[AllowedFor(Who.Staff)]
internal sealed record AddQuestion(
    Guid SectionId,
    QuestionKind Kind,
    string TextDe,
    string TextEn,
    string? HelpDe = null,
    string? HelpEn = null,
    bool Required = false,
    bool AllowOther = false,
    int? ScaleMin = null,
    int? ScaleMax = null,
    string? ScaleMinLabelDe = null,
    string? ScaleMinLabelEn = null,
    string? ScaleMaxLabelDe = null,
    string? ScaleMaxLabelEn = null,
    decimal? NumberMin = null,
    decimal? NumberMax = null,
    IReadOnlyList<OptionInput>? Options = null,
    Guid? ShowIfOptionId = null) : IRequest<Guid>, IQuestionFields;

internal sealed class AddQuestionValidator : AbstractValidator<AddQuestion>
{
    public AddQuestionValidator(IStringLocalizer<SurveysText> text) => Include(new QuestionFieldsValidator(text));
}

internal sealed class AddQuestionHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text)
    : IRequestHandler<AddQuestion, Guid>
{
    public async Task<Guid> Handle(AddQuestion request, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == request.SectionId, cancellationToken)
            ?? throw NotFoundException.For("Section", request.SectionId);
        var survey = await permissions.EditableSurveyAsync(section.SurveyId, cancellationToken);
        if (await db.Questions.CountAsync(q => q.SurveyId == survey.Id, cancellationToken) >= RequestCaps.QuestionsPerSurvey)
        {
            throw new ConflictException(text["Question_TooMany"]);
        }

        var last = await db.Questions.Where(q => q.SectionId == section.Id).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0;
        var question = new Question { Id = Guid.NewGuid(), SurveyId = survey.Id, SectionId = section.Id, Position = last + 1, TextDe = "", TextEn = "" };
        question.ShowIfQuestionId = await ConditionRules.ResolveAsync(db, survey.Id, request.ShowIfOptionId, (section.Position, question.Position), null, text, cancellationToken);
        question.ShowIfOptionId = question.ShowIfQuestionId is null ? null : request.ShowIfOptionId;
        QuestionWriter.Apply(db, question, request, []);
        db.Questions.Add(question);
        return question.Id;
    }
}
