using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Exports;

/// <summary>
/// An application's funder exports, newest first (paged): the audit record of who exported which file when, with the
/// state and progress of running jobs. Staff read the record; <see cref="FunderExportList.CanExport"/> (administrators)
/// says whether exports may be started and files downloaded.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ListFunderExports(Guid ApplicationId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<FunderExportList>;

/// <summary>The exports of one application and what the caller may do.</summary>
internal sealed record FunderExportList(PagedResult<FunderExportRow> Exports, bool CanExport)
{
    /// <summary>Whether a job is still queued or running (the page then refreshes itself).</summary>
    public bool Busy => Exports.Items.Any(e => e.State is ExportState.Queued or ExportState.Running);
}

/// <summary>One export: what, in which language, its state and progress, who asked when, the file once written.</summary>
internal sealed record FunderExportRow(
    Guid Id, ExportKind Kind, string Language, ExportState State, int Progress, string RequestedByName, DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt, string? FileName, long SizeBytes);

internal sealed class ListFunderExportsHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<ListFunderExports, FunderExportList>
{
    public async Task<FunderExportList> Handle(ListFunderExports request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        var exports = await db.Exports.AsNoTracking().Where(e => e.ApplicationId == application.Id)
            .OrderByDescending(e => e.RequestedAt).ThenBy(e => e.Id)
            .Select(e => new FunderExportRow(e.Id, e.Kind, e.Language, e.State, e.Progress, e.RequestedByName, e.RequestedAt, e.FinishedAt, e.FileName, e.SizeBytes))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        return new FunderExportList(exports, permissions.CanExport);
    }
}
