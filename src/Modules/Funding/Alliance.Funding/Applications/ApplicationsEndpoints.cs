using Alliance.Funding.Budget;
using Alliance.Funding.Domain;
using Alliance.Funding.Spending;
using Alliance.Funding.Workflow;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Funding.Applications;

internal static class ApplicationsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/applications/{applicationId:guid}/summary", (IMediator mediator, Guid applicationId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetApplicationSummary(applicationId), ct)))
            .WithName("GetApplicationSummary").WithSummary("An application's public summary and the caller's own co-financing (staff, or a representative of a partner).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var staff = api.MapGroup("/applications").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", (IMediator mediator, ApplicationStatus? status, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListApplications(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListApplications").WithSummary("Applications, optionally of one status (staff).");
        staff.MapGet("/{applicationId:guid}", (IMediator mediator, Guid applicationId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetApplication(applicationId), ct)))
            .WithName("GetApplication").WithSummary("One application: plan, figures, audit trail, budget vs actual, drawdowns (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/", (IMediator mediator, CreateApplication command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/funding/applications/{id}"))
            .WithName("CreateApplication").WithSummary("Starts a draft application to a call (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/{applicationId:guid}", (IMediator mediator, Guid applicationId, UpdateApplication command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("UpdateApplication").WithSummary("Changes the basics while draft or in review (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        // Partners, work packages, milestones and drawdowns are parts of the application (GetApplication shows them; they
        // have no read of their own): their 201 points at the application. An expense points at the expense list.
        staff.MapPost("/{applicationId:guid}/partners", (IMediator mediator, Guid applicationId, AddPartner command, CancellationToken ct) => Reply.Created(mediator.Send(command with { ApplicationId = applicationId }, ct), _ => $"/api/funding/applications/{applicationId}"))
            .WithName("AddPartner").WithSummary("Adds a partner organisation with its role (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/{applicationId:guid}/partners/{partnerId:guid}", (IMediator mediator, Guid applicationId, Guid partnerId, CancellationToken ct) => Reply.NoContent(mediator.Send(new RemovePartner(applicationId, partnerId), ct)))
            .WithName("RemovePartner").WithSummary("Removes a partner (staff).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{applicationId:guid}/work-packages", (IMediator mediator, Guid applicationId, AddWorkPackage command, CancellationToken ct) => Reply.Created(mediator.Send(command with { ApplicationId = applicationId }, ct), _ => $"/api/funding/applications/{applicationId}"))
            .WithName("AddWorkPackage").WithSummary("Adds a work package (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{applicationId:guid}/milestones", (IMediator mediator, Guid applicationId, AddMilestone command, CancellationToken ct) => Reply.Created(mediator.Send(command with { ApplicationId = applicationId }, ct), _ => $"/api/funding/applications/{applicationId}"))
            .WithName("AddMilestone").WithSummary("Adds a milestone within the project period (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{applicationId:guid}/budget", (IMediator mediator, Guid applicationId, SetBudgetLine command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("SetBudgetLine").WithSummary("Sets one year's amount of one cost category; 0 removes it (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{applicationId:guid}/city-contribution", (IMediator mediator, Guid applicationId, SetCityContribution command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("SetCityContribution").WithSummary("Sets the city's own contribution (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{applicationId:guid}/member-contributions", (IMediator mediator, Guid applicationId, SetMemberContribution command, CancellationToken ct) => Reply.Ok(mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("SetMemberContribution").WithSummary("Records a member's contribution with its letter of intent (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/{applicationId:guid}/member-contributions/{contributionId:guid}", (IMediator mediator, Guid applicationId, Guid contributionId, CancellationToken ct) => Reply.NoContent(mediator.Send(new RemoveMemberContribution(applicationId, contributionId), ct)))
            .WithName("RemoveMemberContribution").WithSummary("Removes a member's contribution (staff).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{applicationId:guid}/status", (IMediator mediator, Guid applicationId, ChangeApplicationStatus command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("ChangeApplicationStatus").WithSummary("Moves the application one workflow step with a comment; 409 for a step not allowed (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{applicationId:guid}/approval", (IMediator mediator, Guid applicationId, RecordApproval command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ApplicationId = applicationId }, ct)))
            .WithName("RecordApproval").WithSummary("Records the (partial) approval with granted amounts per year and reporting periods (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/{applicationId:guid}/expenses", (IMediator mediator, Guid applicationId, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListExpenses(applicationId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListExpenses").WithSummary("An application's expenses, newest first (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{applicationId:guid}/expenses", (IMediator mediator, Guid applicationId, RecordExpense command, CancellationToken ct) => Reply.Created(mediator.Send(command with { ApplicationId = applicationId }, ct), _ => $"/api/funding/applications/{applicationId}/expenses"))
            .WithName("RecordExpense").WithSummary("Books an expense of a running project (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/{applicationId:guid}/expenses/{expenseId:guid}", (IMediator mediator, Guid applicationId, Guid expenseId, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeleteExpense(applicationId, expenseId), ct)))
            .WithName("DeleteExpense").WithSummary("Removes an expense (staff).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{applicationId:guid}/drawdowns", (IMediator mediator, Guid applicationId, RecordDrawdown command, CancellationToken ct) => Reply.Created(mediator.Send(command with { ApplicationId = applicationId }, ct), _ => $"/api/funding/applications/{applicationId}"))
            .WithName("RecordDrawdown").WithSummary("Records a drawdown of a running project (staff).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/{applicationId:guid}/drawdowns/{drawdownId:guid}", (IMediator mediator, Guid applicationId, Guid drawdownId, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeleteDrawdown(applicationId, drawdownId), ct)))
            .WithName("DeleteDrawdown").WithSummary("Removes a drawdown (staff).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
