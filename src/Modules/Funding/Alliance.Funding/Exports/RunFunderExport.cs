using System.Data;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Alliance.Funding.Exports;

/// <summary>
/// The export job: claims a queued export (a conditional update, so a repeated or parallel run does nothing), writes
/// the file — the numerical proof streamed row by row, or the narrative report of one report (DOCX/PDF, built whole by
/// the document libraries) — into a temporary file in the export's language, reporting progress on the row, and
/// stores it streamed into the row (bytea). A failure marks the export failed with no file; it is not retried — the administrator starts
/// a new one.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record RunFunderExport(Guid ExportId) : IRequest<Unit>;

internal sealed class RunFunderExportHandler(
    FundingDbContext db, NumericalProof proof, NarrativeReport narrative, IStringLocalizer<FundingText> text, TimeProvider clock, ILogger<RunFunderExportHandler> logger)
    : IRequestHandler<RunFunderExport, Unit>
{
    public async Task<Unit> Handle(RunFunderExport request, CancellationToken cancellationToken)
    {
        var id = request.ExportId;
        var claimed = await db.Exports.Where(e => e.Id == id && e.State == ExportState.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, ExportState.Running).SetProperty(e => e.Progress, 5), cancellationToken);
        if (claimed == 0)
        {
            return Unit.Value;
        }

        var export = await db.Exports.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.ApplicationId, e.Kind, e.Language, e.ReportId }).SingleAsync(cancellationToken);
        var temporary = Path.Combine(Path.GetTempPath(), $"alliance-funding-{id:N}.tmp");
        try
        {
            string fileName, contentType;
            using (Cultures.Use(export.Language))
            {
                var culture = Cultures.Formatting(export.Language);
                var today = AllianceTime.Today(clock);
                if (export.ReportId is { } reportId)
                {
                    var content = await narrative.LoadAsync(reportId, cancellationToken);
                    await ProgressAsync(id, 30, cancellationToken);
                    var stem = FileNames.Stem(text["Export_FileName_Narrative"], content.ApplicationTitle, content.To);
                    var pdf = export.Kind == ExportKind.NarrativePdf;
                    var bytes = pdf ? narrative.Pdf(content, culture) : narrative.Docx(content, culture);
                    await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
                    (fileName, contentType) = pdf ? (stem + ".pdf", ExportFile.Pdf) : (stem + ".docx", ExportFile.Docx);
                }
                else
                {
                    var figures = await proof.LoadAsync(export.ApplicationId, cancellationToken);
                    await ProgressAsync(id, 30, cancellationToken);
                    var stem = FileNames.Stem(text["Export_FileName_Proof"], figures.Application.Title, today);
                    await using var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920);
                    if (export.Kind == ExportKind.NumericalProofXlsx)
                    {
                        proof.WriteXlsx(file, figures, culture);
                        (fileName, contentType) = (stem + ".xlsx", ExportFile.Xlsx);
                    }
                    else
                    {
                        proof.WriteCsvZip(file, figures, culture);
                        (fileName, contentType) = (stem + "-csv.zip", FileNames.Zip);
                    }
                }
            }

            await ProgressAsync(id, 90, cancellationToken);
            await StoreAsync(id, temporary, fileName, contentType, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Funder export {ExportId} failed", id);
            await db.Exports.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.State, ExportState.Failed)
                .SetProperty(x => x.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
        }
        finally
        {
            File.Delete(temporary);
        }

        return Unit.Value;
    }

    private Task ProgressAsync(Guid id, int percent, CancellationToken ct) =>
        db.Exports.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Progress, percent), ct);

    /// <summary>Streams the file from disk into the row (Npgsql sends a <see cref="Stream"/> parameter as bytea without buffering it).</summary>
    private async Task StoreAsync(Guid id, string path, string fileName, string contentType, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            await using var command = new NpgsqlCommand("""
                UPDATE funding.exports SET content = @content, size_bytes = @size, file_name = @name, content_type = @type,
                       state = 'Done', progress = 100, finished_at = @at
                WHERE id = @id
                """, connection);
            command.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = file, Size = checked((int)file.Length) });
            command.Parameters.AddWithValue("size", file.Length);
            command.Parameters.AddWithValue("name", fileName);
            command.Parameters.AddWithValue("type", contentType);
            command.Parameters.AddWithValue("at", clock.GetUtcNow());
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync(ct);
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
