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

/// <summary>
/// Staff change a question of a draft. Options keep their ids by position (a condition on the second choice stays on
/// the second choice); conditions on options that are gone, or on a question that is no longer a choice, are dropped.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateQuestion(
    Guid QuestionId,
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
    Guid? ShowIfOptionId = null) : IRequest<Unit>, IQuestionFields;

internal sealed class UpdateQuestionValidator : AbstractValidator<UpdateQuestion>
{
    public UpdateQuestionValidator(IStringLocalizer<SurveysText> text) => Include(new QuestionFieldsValidator(text));
}

internal sealed class UpdateQuestionHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text)
    : IRequestHandler<UpdateQuestion, Unit>
{
    public async Task<Unit> Handle(UpdateQuestion request, CancellationToken cancellationToken)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == request.QuestionId, cancellationToken)
            ?? throw NotFoundException.For("Question", request.QuestionId);
        await permissions.EditableSurveyAsync(question.SurveyId, cancellationToken);
        var sectionPosition = await db.Sections.Where(s => s.Id == question.SectionId).Select(s => s.Position).FirstAsync(cancellationToken);
        question.ShowIfQuestionId = await ConditionRules.ResolveAsync(db, question.SurveyId, request.ShowIfOptionId, (sectionPosition, question.Position), question.Id, text, cancellationToken);
        question.ShowIfOptionId = question.ShowIfQuestionId is null ? null : request.ShowIfOptionId;

        var existing = await db.Options.Where(o => o.QuestionId == question.Id).ToListAsync(cancellationToken);
        var kept = QuestionWriter.Apply(db, question, request, existing);
        var gone = existing.Where(o => !kept.Contains(o)).Select(o => o.Id).ToList();
        if (gone.Count > 0)
        {
            await Conditions.DropOnOptionsAsync(db, gone, cancellationToken);
        }

        if (request.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo))
        {
            await Conditions.DropOnAsync(db, [question.Id], cancellationToken);
        }

        return Unit.Value;
    }
}
