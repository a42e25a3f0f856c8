using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>Staff copy a question of a draft (with options and condition) right below it.</summary>
[AllowedFor(Who.Staff)]
internal sealed record DuplicateQuestion(Guid QuestionId) : IRequest<Guid>;

internal sealed class DuplicateQuestionHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text)
    : IRequestHandler<DuplicateQuestion, Guid>
{
    public async Task<Guid> Handle(DuplicateQuestion request, CancellationToken cancellationToken)
    {
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == request.QuestionId, cancellationToken)
            ?? throw NotFoundException.For("Question", request.QuestionId);
        await permissions.EditableSurveyAsync(question.SurveyId, cancellationToken);
        if (await db.Questions.CountAsync(q => q.SurveyId == question.SurveyId, cancellationToken) >= RequestCaps.QuestionsPerSurvey)
        {
            throw new ConflictException(text["Question_TooMany"]);
        }

        foreach (var later in await db.Questions.Where(q => q.SectionId == question.SectionId && q.Position > question.Position).ToListAsync(cancellationToken))
        {
            later.Position++;
        }

        var copy = SurveyCopier.CopyQuestion(question, question.SurveyId, question.SectionId, question.Position + 1);
        db.Questions.Add(copy);
        foreach (var option in await db.Options.AsNoTracking().Where(o => o.QuestionId == question.Id).ToListAsync(cancellationToken))
        {
            db.Options.Add(new Option { Id = Guid.NewGuid(), QuestionId = copy.Id, Position = option.Position, LabelDe = option.LabelDe, LabelEn = option.LabelEn, Role = option.Role });
        }

        return copy.Id;
    }
}
