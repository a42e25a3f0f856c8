using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>Staff move a section one place up or down. 409 when a condition would then point at a later question.</summary>
[AllowedFor(Who.Staff)]
internal sealed record MoveSection(Guid SectionId, bool Up) : IRequest<Unit>;

internal sealed class MoveSectionHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text) : IRequestHandler<MoveSection, Unit>
{
    public async Task<Unit> Handle(MoveSection request, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == request.SectionId, cancellationToken)
            ?? throw NotFoundException.For("Section", request.SectionId);
        await permissions.EditableSurveyAsync(section.SurveyId, cancellationToken);
        var neighbour = await db.Sections
            .Where(s => s.SurveyId == section.SurveyId && (request.Up ? s.Position == section.Position - 1 : s.Position == section.Position + 1))
            .FirstOrDefaultAsync(cancellationToken);
        if (neighbour is null)
        {
            return Unit.Value; // already first or last
        }

        (section.Position, neighbour.Position) = (neighbour.Position, section.Position);
        await OrderRules.RequireConditionsBeforeAsync(db, section.SurveyId, text, cancellationToken);
        return Unit.Value;
    }
}
