using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.SurveysCore;

/// <summary>
/// One question of a questionnaire with its options, as <see cref="GetSurvey"/> shows it (staff, like the builder;
/// 404 for an unknown id). The Location of <c>AddQuestion</c> and <c>DuplicateQuestion</c>, and the address its
/// change and deletion already use.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetQuestion(Guid QuestionId) : IRequest<QuestionView>;

internal sealed class GetQuestionHandler(SurveysDbContext db) : IRequestHandler<GetQuestion, QuestionView>
{
    public async Task<QuestionView> Handle(GetQuestion request, CancellationToken cancellationToken) =>
        await db.Questions.AsNoTracking().Where(q => q.Id == request.QuestionId).Select(ViewMapping.QuestionProjection(db))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("Question", request.QuestionId);
}
