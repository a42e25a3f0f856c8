using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Funding.Exports;

internal static class ExportsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/applications/{applicationId:guid}/exports").RequireAuthorization(Policies.Staff);
        exports.MapPost("/", async Task<Accepted<IdResponse>> (IMediator mediator, Guid applicationId, RequestFunderExport command, CancellationToken ct) =>
                Accepted(applicationId, await mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("RequestFunderExport").WithSummary("Starts the numerical proof export (XLSX, or CSV files in a ZIP) as a background job; 202 with the export to poll (administrators).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/", (IMediator mediator, Guid applicationId, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListFunderExports(applicationId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListFunderExports").WithSummary("The application's funder exports, newest first: who, when, which file, state and progress (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/{exportId:guid}", (IMediator mediator, Guid applicationId, Guid exportId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetFunderExport(applicationId, exportId), ct)))
            .WithName("GetFunderExport").WithSummary("One export's state and progress (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/{exportId:guid}/file", async (IMediator mediator, Guid applicationId, Guid exportId, CancellationToken ct) =>
                (await mediator.Send(new DownloadFunderExport(applicationId, exportId), ct)).ToResult(ct))
            .WithName("DownloadFunderExport").WithSummary("The finished export as a download (administrators); 409 while it is being written.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Accepted<IdResponse> Accepted(Guid applicationId, Guid id) =>
        TypedResults.Accepted($"/api/funding/applications/{applicationId}/exports/{id}", new IdResponse(id));
}
