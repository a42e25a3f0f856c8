using System.Data;
using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Exports;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Alliance.Funding.Exports;

/// <summary>A finished export's file (administrators only): 404 when unknown, 409 while it is still being written or when it failed.</summary>
[AllowedFor(Who.Administrator)]
internal sealed record DownloadFunderExport(Guid ApplicationId, Guid ExportId) : IRequest<ExportFile>;

/// <summary>
/// The stored file, streamed: copied from the database to the response with sequential access, so it flows through in
/// small pieces and is never held whole in memory.
/// </summary>

internal sealed class DownloadFunderExportHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<DownloadFunderExport, ExportFile>
{
    public async Task<ExportFile> Handle(DownloadFunderExport request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        var export = await db.Exports.AsNoTracking().Where(e => e.Id == request.ExportId && e.ApplicationId == application.Id)
            .Select(e => new { e.Id, e.State, e.FileName, e.ContentType }).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Export", request.ExportId);
        if (export.State != ExportState.Done)
        {
            throw new ConflictException(text["Export_NotReady"]);
        }

        return ExportFile.Streamed(export.FileName!, export.ContentType!, (body, ct) => CopyAsync(export.Id, body, ct));
    }

    private async Task CopyAsync(Guid id, Stream body, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT content FROM funding.exports WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct))
            {
                await using var content = reader.GetStream(0);
                await content.CopyToAsync(body, 81920, ct);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
