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
        var (outline, columns, rows) = await export.LoadAsync(request.SurveyId, cancellationToken);
        return new ExportFile(ResponseExportRows.FileName(outline, "responses", "csv"), ExportFile.Csv,
            CsvExport.Write(rows, columns, CultureInfo.CurrentCulture));
    }
}
