using System.Globalization;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using MediatR;

namespace Alliance.Surveys.Exports;

/// <summary>
/// The raw responses as CSV for German Excel (staff only): ';', UTF-8 BOM, headers in the caller's language, text
/// cells that look like formulas neutralised by the kernel's writer.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ExportResponsesCsv(Guid SurveyId) : IRequest<ExportFile>;

internal sealed class ExportResponsesCsvHandler(ResponseExportRows export) : IRequestHandler<ExportResponsesCsv, ExportFile>
{
    public async Task<ExportFile> Handle(ExportResponsesCsv request, CancellationToken cancellationToken)
    {
        var (outline, columns, rows) = await export.OpenAsync(request.SurveyId, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        return ExportFile.Streamed(ResponseExportRows.FileName(outline, "responses", "csv"), ExportFile.Csv,
            (body, ct) => CsvExport.WriteAsync(body, rows.ReadAsync(ct), columns, culture, ct));
    }
}
