using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Spending;

/// <summary>Staff remove a wrongly recorded drawdown of a running project.</summary>
[AllowedFor(Who.Staff)]
internal sealed record DeleteDrawdown(Guid ApplicationId, Guid DrawdownId) : IRequest<Unit>;

internal sealed class DeleteDrawdownHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<DeleteDrawdown, Unit>
{
    public async Task<Unit> Handle(DeleteDrawdown request, CancellationToken cancellationToken)
    {
        var application = await permissions.RunningApplicationAsync(request.ApplicationId, cancellationToken);
        var drawdown = await db.Drawdowns.FirstOrDefaultAsync(d => d.Id == request.DrawdownId && d.ApplicationId == application.Id, cancellationToken)
            ?? throw NotFoundException.For("Drawdown", request.DrawdownId);
        db.Drawdowns.Remove(drawdown);
        return Unit.Value;
    }
}
