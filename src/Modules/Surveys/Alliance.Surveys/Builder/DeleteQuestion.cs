using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Builder;

/// <summary>Staff delete a question of a draft; questions shown only on its answer are then always shown.</summary>
[AllowedFor(Who.Staff)]
internal sealed record DeleteQuestion(Guid QuestionId) : IRequest<Unit>;

internal sealed class DeleteQuestionHandler(SurveysDbContext db, SurveyPermissions permissions) : IRequestHandler<DeleteQuestion, Unit>
{
    public async Task<Unit> Handle(DeleteQuestion request, CancellationToken cancellationToken)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == request.QuestionId, cancellationToken)
            ?? throw NotFoundException.For("Question", request.QuestionId);
        await permissions.EditableSurveyAsync(question.SurveyId, cancellationToken);
        await Conditions.DropOnAsync(db, [question.Id], cancellationToken);
        db.Options.RemoveRange(await db.Options.Where(o => o.QuestionId == question.Id).ToListAsync(cancellationToken));
        db.Questions.Remove(question);
        await Positions.CloseGapAsync(db.Questions.Where(q => q.SectionId == question.SectionId && q.Position > question.Position), cancellationToken);
        return Unit.Value;
    }
}
