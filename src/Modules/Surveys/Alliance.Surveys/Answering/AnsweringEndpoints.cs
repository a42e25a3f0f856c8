using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Surveys.Answering;

internal static class AnsweringEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        // The token is the credential: anonymous, like the page the link opens, and limited per address.
        var link = endpoints.MapGroup("/api/surveys/{surveyId:guid}/answer/{token}").WithTags("Surveys").AllowAnonymous()
            .RequireRateLimiting(AbuseLimits.TokenLink)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        link.MapGet("/", (IMediator mediator, Guid surveyId, string token, CancellationToken ct) => Reply.Ok(mediator.Send(new GetAnswerForm(token, SurveyId: surveyId), ct)))
            .WithName("GetAnswerForm").WithSummary("The questionnaire of a personal link with the saved answers and whether it can be answered now; 404 for an unknown token or one of another survey.");
        link.MapPut("/draft", (IMediator mediator, Guid surveyId, string token, AnswersBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new SaveDraft(body.Answers, token, SurveyId: surveyId), ct)))
            .WithName("SaveAnswerDraft").WithSummary("Saves the answers so far to resume later; 409 after close or submission.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        link.MapPost("/", (IMediator mediator, Guid surveyId, string token, AnswersBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new SubmitResponse(body.Answers, token, SurveyId: surveyId), ct)))
            .WithName("SubmitResponse").WithSummary("Submits the response, once; 400 with per-question errors, 409 after close or when already submitted.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        // Signed-in representatives answer their organisation's (or their own) invitations without the link.
        var mine = api.MapGroup("/invitations/{invitationId:guid}")
            .ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapGet("/", (IMediator mediator, Guid invitationId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetAnswerForm(InvitationId: invitationId), ct)))
            .WithName("GetMyAnswerForm").WithSummary("The questionnaire of an invitation of the caller's organisation (or the caller).");
        mine.MapPut("/draft", (IMediator mediator, Guid invitationId, AnswersBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new SaveDraft(body.Answers, InvitationId: invitationId), ct)))
            .WithName("SaveMyAnswerDraft").WithSummary("Saves the answers so far.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/", (IMediator mediator, Guid invitationId, AnswersBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new SubmitResponse(body.Answers, InvitationId: invitationId), ct)))
            .WithName("SubmitMyResponse").WithSummary("Submits the response, once.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record AnswersBody(IReadOnlyList<AnswerInput> Answers);
}
