using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Funding.Reports;

internal static class ReportsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/").RequireAuthorization(Policies.Staff);
        staff.MapGet("/applications/{applicationId:guid}/reports", (IMediator mediator, Guid applicationId, CancellationToken ct) => Reply.Ok(mediator.Send(new ListReports(applicationId), ct)))
            .WithName("ListReports").WithSummary("An application's reporting obligations with period, due day and state (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/reports/due", (IMediator mediator, CancellationToken ct) => Reply.Ok(mediator.Send(new GetReportsDue(), ct)))
            .WithName("GetReportsDue").WithSummary("Reports whose period has ended and that are not submitted, earliest due first (staff).");
        staff.MapGet("/reports/{reportId:guid}", (IMediator mediator, Guid reportId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetReport(reportId), ct)))
            .WithName("GetReport").WithSummary("A drafted report: period, figures, narrative, refresh state (staff; the id is the reporting period's).").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/reports/{reportId:guid}/narrative", (IMediator mediator, Guid reportId, UpdateReportNarrative command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ReportId = reportId }, ct)))
            .WithName("UpdateReportNarrative").WithSummary("Saves the narrative sections; 409 when submitted or stale (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/reports/{reportId:guid}/draft", (IMediator mediator, Guid reportId, CancellationToken ct) => Drafted(mediator.Send(new DraftReportNow(reportId), ct), reportId))
            .WithName("DraftReportNow")
            .WithSummary("Drafts the report of an ended period now, as the daily job would: 201 when drafted, 204 when the draft existed (one per period); 409 while the period runs or without a grant (staff; the id is the reporting period's).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/reports/{reportId:guid}/refresh", (IMediator mediator, Guid reportId, CancellationToken ct) => Accepted(mediator.Send(new RefreshReport(reportId), ct), reportId))
            .WithName("RefreshReport").WithSummary("Collects the figures again in the background; the report's refresh state shows progress (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/reports/{reportId:guid}/submission", (IMediator mediator, Guid reportId, SubmitReport command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ReportId = reportId }, ct)))
            .WithName("SubmitReport").WithSummary("Marks the report submitted to the funder; it is locked from then on (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>201 with the report's address when a draft was made, 204 when the period had its draft already.</summary>
    private static async Task<Results<Created, NoContent>> Drafted(Task<bool> sent, Guid reportId) =>
        await sent ? TypedResults.Created($"/api/funding/reports/{reportId}") : TypedResults.NoContent();

    /// <summary>202: the refresh is queued; the report (its refresh state) tells how it goes.</summary>
    private static async Task<Accepted> Accepted(Task<Unit> sent, Guid reportId)
    {
        await sent;
        return TypedResults.Accepted($"/api/funding/reports/{reportId}");
    }
}
