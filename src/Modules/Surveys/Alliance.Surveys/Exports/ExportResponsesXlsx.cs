using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Exports;

/// <summary>
/// The raw responses as an Excel workbook (staff only): one row per response, numbers and dates typed, text cells
/// stored as strings (never formulas), header row, widths and an autofilter.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ExportResponsesXlsx(Guid SurveyId) : IRequest<ExportFile>;

internal sealed class ExportResponsesXlsxHandler(ResponseExportRows export, IStringLocalizer<ResultsText> text) : IRequestHandler<ExportResponsesXlsx, ExportFile>
{
    public async Task<ExportFile> Handle(ExportResponsesXlsx request, CancellationToken cancellationToken)
    {
        var (outline, columns, rows) = await export.OpenAsync(request.SurveyId, cancellationToken);
        string sheet = text["Export_ResponsesSheet"];
        return ExportFile.Streamed(ResponseExportRows.FileName(outline, "responses", "xlsx"), ExportFile.Xlsx,
            (body, ct) => XlsxExport.WriteAsync(body, rows.Read(), columns, sheet, ct));
    }
}
