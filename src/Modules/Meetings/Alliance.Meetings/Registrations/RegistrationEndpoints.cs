using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Registrations;

internal static class RegistrationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/registrations", async Task<Ok<RegistrationResult>> (Guid id, RegisterBody? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Register(id, body?.PersonId), ct)))
            .WithName("Register").WithSummary("Registers oneself (or a delegate of one's organisation); at capacity onto the waitlist.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/{id:guid}/registrations/{personId:guid}", async Task<NoContent> (Guid id, Guid personId, bool? decline, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CancelRegistration(id, personId, decline ?? false), ct).NoContent())
            .WithName("CancelRegistration").WithSummary("Cancels a registration or declines the invitation; the first waiting person moves up.");

        api.MapGet("/{id:guid}/registrations", async Task<Ok<PagedResult<RegistrationListItem>>> (
                Guid id, string? search, RegistrationStatus? status, PartnerGroup? partnerGroup, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRegistrations(id, search, status, partnerGroup, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListRegistrations").WithSummary("The registration list (staff/lab coordinator), searchable, by status and partner group.");

        api.MapGet("/{id:guid}/registrations.csv", async Task<IResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportRegistrationsCsv(id), ct)).ToResult(ct))
            .WithName("ExportRegistrations").WithSummary("The registration list by partner group as CSV.");

        api.MapGet("/{id:guid}/registrations.xlsx", async Task<IResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportRegistrationsXlsx(id), ct)).ToResult(ct))
            .WithName("ExportRegistrationsXlsx").WithSummary("The registration list by partner group as an Excel workbook (XLSX).");

        api.MapPost("/{id:guid}/checkins", async Task<NoContent> (Guid id, CheckInBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CheckIn(id, body.PersonId, body.Present), ct).NoContent())
            .WithName("CheckIn").WithSummary("Checks a person in (also walk-ins) or undoes it.");
    }

    internal sealed record RegisterBody(Guid? PersonId);

    internal sealed record CheckInBody(Guid PersonId, bool Present = true);
}
