using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Builder;

/// <summary>Staff delete a section of a draft with its questions; conditions on those questions are dropped.</summary>
[AllowedFor(Who.Staff)]
internal sealed record DeleteSection(Guid SectionId) : IRequest<Unit>;

internal sealed class DeleteSectionHandler(SurveysDbContext db, SurveyPermissions permissions) : IRequestHandler<DeleteSection, Unit>
{
    public async Task<Unit> Handle(DeleteSection request, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == request.SectionId, cancellationToken)
            ?? throw NotFoundException.For("Section", request.SectionId);
        await permissions.EditableSurveyAsync(section.SurveyId, cancellationToken);
        var questionIds = await db.Questions.Where(q => q.SectionId == section.Id).Select(q => q.Id).ToListAsync(cancellationToken);
        await Conditions.DropOnAsync(db, questionIds, cancellationToken);
        db.Sections.Remove(section);
        await Positions.CloseGapAsync(db.Sections.Where(s => s.SurveyId == section.SurveyId && s.Position > section.Position), cancellationToken);
        return Unit.Value;
    }
}
