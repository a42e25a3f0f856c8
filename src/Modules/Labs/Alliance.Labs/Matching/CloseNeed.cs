using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>The posting organisation (or staff) closes its need — it is covered or no longer wanted.</summary>
internal sealed record CloseNeed(Guid NeedId) : IRequest<Unit>;

internal sealed class CloseNeedHandler(LabsDbContext db, LabAccess access) : IRequestHandler<CloseNeed, Unit>
{
    public async Task<Unit> Handle(CloseNeed request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken) ?? throw NotFoundException.For("Need", request.NeedId);
        if (!access.User.IsStaff && need.OrganizationId != access.User.OrganizationId)
        {
            throw new ForbiddenException();
        }

        need.IsClosed = true;
        return Unit.Value;
    }
}
