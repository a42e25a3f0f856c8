using Alliance.Meetings.Meetings;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Minutes;

internal static class MinutesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/agenda/{itemId:guid}/notes", async Task<NoContent> (Guid itemId, NotesBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new SaveItemNotes(itemId, body.Notes, body.Version), ct).NoContent())
            .WithName("SaveItemNotes").WithSummary("Saves the minutes' notes of an agenda item (409 when approved or stale).");

        api.MapPost("/agenda/{itemId:guid}/decisions", async Task<Created<IdResponse>> (Guid itemId, DecisionBody body, IMediator mediator, CancellationToken ct) =>
                Decision(await mediator.Send(new RecordDecision(itemId, body.Text, body.ActionItems, body.LabId), ct)))
            .WithName("RecordDecision").WithSummary("Records a decision with action items; publishes one ActionItemDecided per action item.")
            .ProducesValidationProblem();

        api.MapPost("/{id:guid}/minutes/approve", async Task<NoContent> (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ApproveMinutes(id, body.Version), ct).NoContent())
            .WithName("ApproveMinutes").WithSummary("Approves and locks the minutes.");

        api.MapPost("/{id:guid}/minutes/addenda", async Task<Created<IdResponse>> (Guid id, TextBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/meetings/{id}", new IdResponse(await mediator.Send(new AddAddendum(id, body.Text), ct))))
            .WithName("AddMinutesAddendum").WithSummary("Adds a logged correction to approved minutes.").ProducesValidationProblem();

        api.MapGet("/{id:guid}/minutes.md", async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.File(System.Text.Encoding.UTF8.GetBytes(await mediator.Send(new ExportMinutes(id), ct)), "text/markdown; charset=utf-8", $"protokoll-{id:N}.md"))
            .WithName("ExportMinutes").WithSummary("The minutes (agenda, attendance, decisions, action items, polls) as Markdown.");

        api.MapGet("/{id:guid}/minutes.docx", async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.File(await mediator.Send(new ExportMinutesDocx(id), ct),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"protokoll-{id:N}.docx"))
            .WithName("ExportMinutesDocx").WithSummary("The minutes (agenda, attendance, decisions, action items, polls) as a Word document (DOCX).");
    }

    // A decision is part of its meeting's minutes (GetMeeting lists it under its agenda item, as the addenda route
    // answers): there is no read of one decision on its own, so the 201 points at the meeting.
    private static Created<IdResponse> Decision(PartOfMeeting decision) => TypedResults.Created($"/api/meetings/{decision.MeetingId}", new IdResponse(decision.Id));

    internal sealed record NotesBody(string? Notes, uint Version);

    internal sealed record DecisionBody(string Text, IReadOnlyList<ActionItemInput>? ActionItems, Guid? LabId = null);

    internal sealed record VersionBody(uint Version);

    internal sealed record TextBody(string Text);
}
