using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Exports;

/// <summary>One export's state and progress (staff), e.g. to wait for a job.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetFunderExport(Guid ApplicationId, Guid ExportId) : IRequest<FunderExportRow>;

internal sealed class GetFunderExportHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<GetFunderExport, FunderExportRow>
{
    public async Task<FunderExportRow> Handle(GetFunderExport request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        return await db.Exports.AsNoTracking().Where(e => e.Id == request.ExportId && e.ApplicationId == application.Id)
            .Select(e => new FunderExportRow(e.Id, e.Kind, e.Language, e.State, e.Progress, e.RequestedByName, e.RequestedAt, e.FinishedAt, e.FileName, e.SizeBytes))
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFoundException.For("Export", request.ExportId);
    }
}
