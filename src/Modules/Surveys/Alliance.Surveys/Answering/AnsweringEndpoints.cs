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
        api.MapGet("/invitations/mine", (IMediator mediator, CancellationToken ct) => Reply.Ok(mediator.Send(new Dashboard.ListMyOpenSurveys(), ct)))
            .WithName("ListMyOpenSurveys").WithSummary("Running surveys waiting for the caller's answer (their organisation's or their own invitations), with whether a draft is saved.");
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

        // Staff see the questionnaire exactly as respondents will and try answers against it; nothing is stored.
        var preview = api.MapGroup("/{surveyId:guid}/preview").RequireAuthorization(Policies.Staff);
        preview.MapGet("/", (IMediator mediator, Guid surveyId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetPreviewForm(surveyId), ct)))
            .WithName("GetSurveyPreview").WithSummary("The questionnaire as respondents will see it (any status).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        preview.MapPost("/", (IMediator mediator, Guid surveyId, PreviewBody body, CancellationToken ct) =>
                Reply.NoContent(mediator.Send(new CheckPreviewAnswers(surveyId, body.Answers, body.Submitting), ct)))
            .WithName("CheckSurveyPreviewAnswers").WithSummary("Checks answers as a submission (or save) would: 204 when valid, 400 with per-question errors; stores nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Answers to check in the preview, and whether as a submission (required questions count) or a save.</summary>
    internal sealed record PreviewBody(IReadOnlyList<AnswerInput> Answers, bool Submitting);

    internal sealed record AnswersBody(IReadOnlyList<AnswerInput> Answers);
}
