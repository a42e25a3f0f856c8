using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>
/// Staff move a question one place up or down; past the start or end of its section it moves to the end of the
/// previous or the start of the next section. 409 when a condition would then point at a later question.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record MoveQuestion(Guid QuestionId, bool Up) : IRequest<Unit>;

internal sealed class MoveQuestionHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text) : IRequestHandler<MoveQuestion, Unit>
{
    public async Task<Unit> Handle(MoveQuestion request, CancellationToken cancellationToken)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == request.QuestionId, cancellationToken)
            ?? throw NotFoundException.For("Question", request.QuestionId);
        await permissions.EditableSurveyAsync(question.SurveyId, cancellationToken);
        var siblings = await db.Questions.Where(q => q.SectionId == question.SectionId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var index = siblings.IndexOf(question);
        var target = request.Up ? index - 1 : index + 1;
        if (target >= 0 && target < siblings.Count)
        {
            (question.Position, siblings[target].Position) = (siblings[target].Position, question.Position);
        }
        else
        {
            var section = await db.Sections.FirstAsync(s => s.Id == question.SectionId, cancellationToken);
            var next = await db.Sections
                .Where(s => s.SurveyId == section.SurveyId && s.Position == section.Position + (request.Up ? -1 : 1))
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return Unit.Value; // first or last of the whole survey
            }

            var others = await db.Questions.Where(q => q.SectionId == next.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
            foreach (var later in siblings.Skip(index + 1))
            {
                later.Position--;
            }

            if (request.Up)
            {
                question.Position = others.Count + 1;
            }
            else
            {
                foreach (var other in others)
                {
                    other.Position++;
                }

                question.Position = 1;
            }

            question.SectionId = next.Id;
        }

        await OrderRules.RequireConditionsBeforeAsync(db, question.SurveyId, text, cancellationToken);
        return Unit.Value;
    }
}
