using Alliance.Meetings.Meetings;
using Alliance.Shared.Input;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Agenda;

internal static class AgendaEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/agenda", async Task<Created<IdResponse>> (Guid id, AgendaBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/meetings/{id}", new IdResponse(await mediator.Send(new AddAgendaItem(id, body.Title, body.Presenter, body.PlannedMinutes, body.LabId), ct))))
            .WithName("AddAgendaItem").WithSummary("Adds an agenda item.").ProducesValidationProblem();

        api.MapPut("/agenda/{itemId:guid}", async Task<NoContent> (Guid itemId, UpdateAgendaBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new UpdateAgendaItem(itemId, body.Title, body.Presenter, body.PlannedMinutes, body.LabId, body.Version), ct).NoContent())
            .WithName("UpdateAgendaItem").WithSummary("Changes an agenda item's title, presenter, planned minutes and lab (while the minutes are not approved).")
            .ProducesValidationProblem();

        api.MapPost("/agenda/{itemId:guid}/documents", async Task<Created<IdResponse>> (Guid itemId, DocumentBody body, IMediator mediator, CancellationToken ct) =>
                Document(await mediator.Send(new AddAgendaDocument(itemId, body.Name, body.Url, body.ContentType, body.ContentBase64), ct)))
            .WithName("AddAgendaDocument").WithSummary("Attaches a link or a small file (base64, at most 5 MB) to an agenda item.").ProducesValidationProblem()
            .WithMetadata(new UploadLimitAttribute());

        api.MapGet("/documents/{documentId:guid}", async Task<Results<FileContentHttpResult, RedirectHttpResult>> (Guid documentId, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetAgendaDocument(documentId), ct)).ToResult())
            .WithName("GetAgendaDocument").WithSummary("Downloads an attached file (as a download, never rendered inline) or follows the link.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/topics", async Task<Created<IdResponse>> (Guid id, TopicBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/meetings/{id}", new IdResponse(await mediator.Send(new SubmitTopic(id, body.Title, body.Description), ct))))
            .WithName("SubmitTopic").WithSummary("Proposes a topic for the agenda (before the topic deadline).").ProducesValidationProblem();

        api.MapPost("/topics/{topicId:guid}/agenda", async Task<Created<IdResponse>> (Guid topicId, int? plannedMinutes, IMediator mediator, CancellationToken ct) =>
                AgendaItem(await mediator.Send(new TakeTopicOntoAgenda(topicId, plannedMinutes ?? 15), ct)))
            .WithName("TakeTopicOntoAgenda").WithSummary("Takes a submitted topic onto the agenda (staff).");
    }

    private static Created<IdResponse> Document(Guid id) => TypedResults.Created($"/api/meetings/documents/{id}", new IdResponse(id));

    // An agenda item is part of its meeting's document (GetMeeting lists the agenda, as the other agenda routes answer):
    // there is no read of one item on its own, so the 201 points at the meeting.
    private static Created<IdResponse> AgendaItem(PartOfMeeting item) => TypedResults.Created($"/api/meetings/{item.MeetingId}", new IdResponse(item.Id));

    internal sealed record AgendaBody(string Title, string? Presenter, int PlannedMinutes, Guid? LabId);

    /// <summary>An agenda item's new values; <c>version</c> (optional) makes a stale write a 409.</summary>
    internal sealed record UpdateAgendaBody(string Title, string? Presenter, int PlannedMinutes, Guid? LabId, uint? Version);

    /// <summary>The file travels as base64 in <c>contentBase64</c>; System.Text.Json decodes it (bad base64 is a 400).</summary>
    internal sealed record DocumentBody(string Name, string? Url, string? ContentType, byte[]? ContentBase64);

    internal sealed record TopicBody(string Title, string? Description);
}
