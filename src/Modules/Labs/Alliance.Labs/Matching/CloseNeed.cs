using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>The posting organisation (or staff) closes its need — it is covered or no longer wanted.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CloseNeed(Guid NeedId) : IRequest<Unit>;

internal sealed class CloseNeedHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<CloseNeed, Unit>
{
    public async Task<Unit> Handle(CloseNeed request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken) ?? throw NotFoundException.For("Need", request.NeedId);
        LabPermissions.Require(permissions.CanClosePosting(need.OrganizationId));

        need.IsClosed = true;
        return Unit.Value;
    }
}
