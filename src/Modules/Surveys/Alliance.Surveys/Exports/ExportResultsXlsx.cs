using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Exports;

/// <summary>
/// The results as an Excel workbook (staff only): one sheet of figures — counts, shares in percent, means and
/// medians, per group of the breakdown (hidden groups empty) and against the previous wave.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ExportResultsXlsx(Guid SurveyId, Breakdown Breakdown = Breakdown.None) : IRequest<ExportFile>;

internal sealed class ExportResultsXlsxValidator : AbstractValidator<ExportResultsXlsx>
{
    public ExportResultsXlsxValidator(IStringLocalizer<ResultsText> text) =>
        RuleFor(r => r.Breakdown).IsInEnum().WithMessage(_ => text["Results_UnknownBreakdown"]);
}

internal sealed class ExportResultsXlsxHandler(IMediator mediator, IStringLocalizer<ResultsText> text) : IRequestHandler<ExportResultsXlsx, ExportFile>
{
    public async Task<ExportFile> Handle(ExportResultsXlsx request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetSurveyResults(request.SurveyId, request.Breakdown), cancellationToken);
        var bytes = XlsxExport.Write(ResultFigureRows.Rows(view, text), ResultFigureRows.Columns(view, text), text["Export_ResultsSheet"]);
        return new ExportFile($"results-{view.SurveyId:N}-wave-{view.Wave}.xlsx", ExportFile.Xlsx, bytes);
    }
}
