using System.Data;
using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Alliance.Funding.Exports;

/// <summary>A finished export's file (administrators only): 404 when unknown, 409 while it is still being written or when it failed.</summary>
[AllowedFor(Who.Administrator)]
internal sealed record DownloadFunderExport(Guid ApplicationId, Guid ExportId) : IRequest<FunderExportDownload>;

/// <summary>
/// The file to send: its name, type and size, and how to copy it from the database to the response — read with
/// sequential access, so the file flows through in small pieces and is never held whole in memory.
/// </summary>
internal sealed record FunderExportDownload(string FileName, string ContentType, long SizeBytes, Func<Stream, CancellationToken, Task> CopyTo)
{
    /// <summary>The HTTP answer: the file as a download.</summary>
    public PushStreamHttpResult ToResult(CancellationToken ct) => TypedResults.Stream(body => CopyTo(body, ct), ContentType, FileName);
}

internal sealed class DownloadFunderExportHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<DownloadFunderExport, FunderExportDownload>
{
    public async Task<FunderExportDownload> Handle(DownloadFunderExport request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        var export = await db.Exports.AsNoTracking().Where(e => e.Id == request.ExportId && e.ApplicationId == application.Id)
            .Select(e => new { e.Id, e.State, e.FileName, e.ContentType, e.SizeBytes }).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Export", request.ExportId);
        if (export.State != ExportState.Done)
        {
            throw new ConflictException(text["Export_NotReady"]);
        }

        return new FunderExportDownload(export.FileName!, export.ContentType!, export.SizeBytes, (body, ct) => CopyAsync(export.Id, body, ct));
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
