using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Calls;

/// <summary>Staff remove a call from the radar; a call with applications stays (409).</summary>
[AllowedFor(Who.Staff)]
internal sealed record DeleteCall(Guid CallId) : IRequest<Unit>;

internal sealed class DeleteCallHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text) : IRequestHandler<DeleteCall, Unit>
{
    public async Task<Unit> Handle(DeleteCall request, CancellationToken cancellationToken)
    {
        var call = await permissions.CallAsync(request.CallId, cancellationToken);
        if (await db.Applications.AnyAsync(a => a.CallId == call.Id, cancellationToken))
        {
            throw new ConflictException(text["Call_HasApplications"]);
        }

        db.Calls.Remove(call);
        return Unit.Value;
    }
}
