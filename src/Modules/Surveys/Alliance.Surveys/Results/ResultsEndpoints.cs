using Alliance.Shared.Exports;
using Alliance.Shared.Input;
using Alliance.Surveys.Exports;
using Alliance.Surveys.Import;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Surveys.Results;

/// <summary>Results and exports under <c>/api/surveys/{id}/…</c> (staff only: each request says so).</summary>
internal static class ResultsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/results", async Task<Ok<SurveyResultsView>> (Guid id, Breakdown? breakdown, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSurveyResults(id, breakdown ?? Breakdown.None), ct)))
            .WithName("GetSurveyResults")
            .WithSummary("Results per question (counts, shares, mean, median, matrix, dates, texts), response rate, breakdown with small groups hidden, change against the previous wave.");

        api.MapGet("/{id:guid}/responses.csv", async Task<IResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportResponsesCsv(id), ct)).ToResult(ct))
            .WithName("ExportSurveyResponsesCsv").WithSummary("The raw responses as CSV (German Excel: ';', UTF-8 BOM), one row per response.");

        api.MapGet("/{id:guid}/responses.xlsx", async Task<IResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportResponsesXlsx(id), ct)).ToResult(ct))
            .WithName("ExportSurveyResponsesXlsx").WithSummary("The raw responses as an Excel workbook, one row per response, numbers and dates typed.");

        api.MapGet("/{id:guid}/results.xlsx", async Task<IResult> (Guid id, Breakdown? breakdown, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportResultsXlsx(id, breakdown ?? Breakdown.None), ct)).ToResult(ct))
            .WithName("ExportSurveyResultsXlsx").WithSummary("The results as a workbook of figures, optionally broken down.");

        api.MapGet("/{id:guid}/results.pdf", async Task<IResult> (Guid id, Breakdown? breakdown, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportResultsPdf(id, breakdown ?? Breakdown.None), ct)).ToResult(ct))
            .WithName("ExportSurveyResultsPdf")
            .WithSummary("The results as a PDF report in the reader's language: charts with captions, figures per question, optionally broken down (small groups hidden).");

        api.MapPost("/{id:guid}/import/preview", async Task<Ok<ImportPreview>> (Guid id, ImportBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PreviewSurveyImport(id, body.FileName, body.Content, body.Mapping), ct)))
            .WithName("PreviewSurveyImport").WithMetadata(new UploadLimitAttribute()).ProducesValidationProblem()
            .WithSummary("Reads an earlier survey's XLSX/CSV (base64) against the survey: columns and their targets (guessed without a mapping), valid rows, errors per row. Stores nothing.");

        api.MapPost("/{id:guid}/import", async Task<Created<IdResponse>> (Guid id, ImportBody body, IMediator mediator, CancellationToken ct) =>
                await Reply.Created(mediator.Send(new ImportSurveyResponses(id, body.FileName, body.Content, body.Mapping ?? []), ct), wave => $"/api/surveys/{wave}/results"))
            .WithName("ImportSurveyResponses").WithMetadata(new UploadLimitAttribute()).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Imports the valid rows as the wave before the survey (a closed copy of its questions), which then compares with it.");
    }

    /// <summary>An uploaded spreadsheet: its name (.xlsx or .csv), its bytes (base64 in JSON) and the target of each column.</summary>
    internal sealed record ImportBody(string FileName, byte[] Content, IReadOnlyList<string?>? Mapping);
}
