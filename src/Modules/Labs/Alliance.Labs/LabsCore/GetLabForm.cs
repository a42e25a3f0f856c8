using Alliance.Labs.ActionFields;
using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.LabsCore;

/// <summary>What the lab form needs: the action fields and the lab's values when editing (coordinators are chosen with the people picker).</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetLabForm(Guid? LabId) : IRequest<LabForm>;

/// <summary>The lab form's action fields and, for an edit, the current values.</summary>
internal sealed record LabForm(IReadOnlyList<ActionFieldItem> ActionFields, LabFormValues? Lab);

/// <summary>A lab's editable values and version; <see cref="CanEdit"/> is false once it is concluded.</summary>
internal sealed record LabFormValues(
    string Title, Guid ActionFieldId, string? Description, string? Goals, LabKind Kind, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<Guid> CoordinatorPersonIds, IReadOnlyList<PartnerGroup> RequiredPartnerGroups, uint Version, bool CanEdit);

internal sealed class GetLabFormHandler(LabsDbContext db, IMediator mediator, LabPermissions permissions) : IRequestHandler<GetLabForm, LabForm>
{
    public async Task<LabForm> Handle(GetLabForm request, CancellationToken cancellationToken)
    {
        var fields = await mediator.Send(new ListActionFields(), cancellationToken);

        LabFormValues? values = null;
        if (request.LabId is { } id)
        {
            var lab = await db.Labs.AsNoTracking().Include(l => l.Coordinators).FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
                ?? throw NotFoundException.For("Lab", id);
            values = new LabFormValues(lab.Title, lab.ActionFieldId, lab.Description, lab.Goals, lab.Kind, lab.StartsOn, lab.EndsOn,
                lab.Coordinators.Select(c => c.PersonId).ToList(), lab.RequiredPartnerGroups, lab.Version, permissions.CanEditLab(lab));
        }

        return new LabForm(fields, values);
    }
}
