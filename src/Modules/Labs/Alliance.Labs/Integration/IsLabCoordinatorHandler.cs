using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

internal sealed class IsLabCoordinatorHandler(LabsDbContext db) : IRequestHandler<IsLabCoordinator, bool>
{
    public Task<bool> Handle(IsLabCoordinator request, CancellationToken cancellationToken) =>
        db.Coordinators.AnyAsync(c => c.LabId == request.LabId && c.PersonId == request.PersonId, cancellationToken);
}
