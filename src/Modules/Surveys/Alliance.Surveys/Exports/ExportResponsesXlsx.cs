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
        var (outline, columns, rows) = await export.LoadAsync(request.SurveyId, cancellationToken);
        return new ExportFile(ResponseExportRows.FileName(outline, "responses", "xlsx"), ExportFile.Xlsx,
            XlsxExport.Write(rows, columns, text["Export_ResponsesSheet"]));
    }
}
