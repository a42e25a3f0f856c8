using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

internal sealed class GetLabDetailsHandler(LabsDbContext db) : IRequestHandler<GetLabDetails, LabDetails?>
{
    public async Task<LabDetails?> Handle(GetLabDetails request, CancellationToken cancellationToken)
    {
        var lab = await db.Labs.AsNoTracking().Where(l => l.Id == request.LabId)
            .Select(l => new
            {
                l.Id, l.Title, ActionField = l.ActionField!.Title, l.Kind, l.Status,
                Coordinators = l.Coordinators.Select(c => c.PersonId).ToList(),
                Members = db.Memberships.Where(m => m.LabId == l.Id && m.LeftAt == null).Select(m => m.OrganizationId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return lab is null ? null : new LabDetails(lab.Id, lab.Title, lab.ActionField, lab.Kind, lab.Status, lab.Coordinators, lab.Members);
    }
}
