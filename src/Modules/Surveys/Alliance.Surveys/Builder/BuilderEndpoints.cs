using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Publishing;
using Alliance.Surveys.SurveysCore;
using Alliance.Surveys.Waves;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Surveys.Builder;

internal static class BuilderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);

        staff.MapGet("/", (IMediator mediator, SurveyStatus? status, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListSurveys(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListSurveys").WithSummary("Lists surveys (paged, newest first) with invitation and response counts (staff).");
        staff.MapGet("/templates", () => TypedResults.Ok(SurveyTemplates.Keys))
            .WithName("ListSurveyTemplates").WithSummary("The keys of the shipped templates (staff).");
        staff.MapGet("/{surveyId:guid}", (IMediator mediator, Guid surveyId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetSurvey(surveyId), ct)))
            .WithName("GetSurvey").WithSummary("One survey: settings, audience, questionnaire, invitation figures and what may be done (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/", (IMediator mediator, CreateSurvey command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/surveys/{id}"))
            .WithName("CreateSurvey").WithSummary("Starts a draft, blank or from a template (staff).").ProducesValidationProblem();
        staff.MapPut("/{surveyId:guid}", (IMediator mediator, Guid surveyId, UpdateSurveySettings command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { SurveyId = surveyId }, ct)))
            .WithName("UpdateSurveySettings").WithSummary("Changes a draft's settings; 409 when published or stale (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{surveyId:guid}/audience", (IMediator mediator, Guid surveyId, SetSurveyAudience command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { SurveyId = surveyId }, ct)))
            .WithName("SetSurveyAudience").WithSummary("Sets whom a draft goes to (staff); 409 when published.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{surveyId:guid}/sections", (IMediator mediator, Guid surveyId, AddSection command, CancellationToken ct) => Reply.Created(mediator.Send(command with { SurveyId = surveyId }, ct), id => $"/api/surveys/sections/{id}"))
            .WithName("AddSection").WithSummary("Adds a section at the end of a draft (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/sections/{sectionId:guid}", (IMediator mediator, Guid sectionId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetSection(sectionId), ct)))
            .WithName("GetSection").WithSummary("One section of a questionnaire with its questions and their options (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/sections/{sectionId:guid}", (IMediator mediator, Guid sectionId, UpdateSection command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { SectionId = sectionId }, ct)))
            .WithName("UpdateSection").WithSummary("Renames a section of a draft (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/sections/{sectionId:guid}", (IMediator mediator, Guid sectionId, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeleteSection(sectionId), ct)))
            .WithName("DeleteSection").WithSummary("Deletes a section of a draft with its questions (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/sections/{sectionId:guid}/move", (IMediator mediator, Guid sectionId, MoveBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new MoveSection(sectionId, body.Up), ct)))
            .WithName("MoveSection").WithSummary("Moves a section one place up or down (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/sections/{sectionId:guid}/questions", (IMediator mediator, Guid sectionId, AddQuestion command, CancellationToken ct) => Reply.Created(mediator.Send(command with { SectionId = sectionId }, ct), id => $"/api/surveys/questions/{id}"))
            .WithName("AddQuestion").WithSummary("Adds a question of any kind at the end of a section (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/questions/{questionId:guid}", (IMediator mediator, Guid questionId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetQuestion(questionId), ct)))
            .WithName("GetQuestion").WithSummary("One question of a questionnaire with its options (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/questions/{questionId:guid}", (IMediator mediator, Guid questionId, UpdateQuestion command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { QuestionId = questionId }, ct)))
            .WithName("UpdateQuestion").WithSummary("Changes a question of a draft (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/questions/{questionId:guid}", (IMediator mediator, Guid questionId, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeleteQuestion(questionId), ct)))
            .WithName("DeleteQuestion").WithSummary("Deletes a question of a draft (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/questions/{questionId:guid}/move", (IMediator mediator, Guid questionId, MoveBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new MoveQuestion(questionId, body.Up), ct)))
            .WithName("MoveQuestion").WithSummary("Moves a question one place up or down (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/questions/{questionId:guid}/duplicate", (IMediator mediator, Guid questionId, CancellationToken ct) => Reply.Created(mediator.Send(new DuplicateQuestion(questionId), ct), id => $"/api/surveys/questions/{id}"))
            .WithName("DuplicateQuestion").WithSummary("Copies a question right below it (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{surveyId:guid}/copy", (IMediator mediator, Guid surveyId, CancellationToken ct) => Reply.Created(mediator.Send(new CopySurvey(surveyId), ct), id => $"/api/surveys/{id}"))
            .WithName("CopySurvey").WithSummary("New version: copies a survey into a new draft (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/{surveyId:guid}/publish-reach", (IMediator mediator, Guid surveyId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetPublishReach(surveyId), ct)))
            .WithName("GetPublishReach").WithSummary("Before publishing: how many invitations the audience makes now and how many of them reach nobody by mail (no address or no consent); nothing is stored (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{surveyId:guid}/publish", (IMediator mediator, Guid surveyId, PublishBody body, CancellationToken ct) => Reply.Ok(mediator.Send(new PublishSurvey(surveyId, body.Version), ct)))
            .WithName("PublishSurvey").WithSummary("Publishes a draft: invitations with personal links are mailed; the survey is immutable from then on (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{surveyId:guid}/close", (IMediator mediator, Guid surveyId, CancellationToken ct) => Reply.NoContent(mediator.Send(new CloseSurvey(surveyId), ct)))
            .WithName("CloseSurvey").WithSummary("Closes a published survey early (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{surveyId:guid}/next-wave", (IMediator mediator, Guid surveyId, CancellationToken ct) => Reply.Created(mediator.Send(new RunNextWave(surveyId), ct), id => $"/api/surveys/{id}"))
            .WithName("RunNextWave").WithSummary("Run again: the next wave of a published or closed survey as a draft (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record MoveBody(bool Up);

    internal sealed record PublishBody(uint Version);
}
