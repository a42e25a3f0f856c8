using System.Globalization;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Calendar;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Polls;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Series;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

internal static class MeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("meetings", "Meetings");
        UpdateMeetingEndpoints.Map(api);

        api.MapGet("/", async Task<Ok<PagedResult<MeetingListItem>>> (IMediator mediator, bool? past, string? search, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMeetings(past ?? false, search, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListMeetings").WithSummary("Upcoming or past meetings the caller may see (paged), with seat and waitlist counts.");

        api.MapGet("/{id:guid}", async Task<Ok<MeetingDetails>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMeeting(id), ct)))
            .WithName("GetMeeting").WithSummary("One meeting with agenda, decisions, polls and the caller's registration.");

        api.MapPost("/series", async Task<Created<IdResponse>> (CreateSeries command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                await mediator.Send(new MaterializeOccurrences(id), ct);
                return TypedResults.Created($"/api/meetings/series/{id}", new IdResponse(id));
            })
            .WithName("CreateSeries").WithSummary("Creates a recurring series (RRULE) and materialises its occurrences within the horizon.")
            .ProducesValidationProblem();

        api.MapPut("/series/{seriesId:guid}", async Task<Ok<int>> (Guid seriesId, UpdateSeriesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateSeries(seriesId, body.StartTime, body.DurationMinutes, body.Place, body.OnlineLink, body.Capacity,
                    body.DelegateLimit, body.ReminderDaysBefore, body.Version), ct)))
            .WithName("UpdateSeries").WithSummary("Changes a series; only future occurrences that follow the series change (registrants are told).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/", async Task<Created<IdResponse>> (CreateMeeting command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/meetings/{id}", new IdResponse(id));
            })
            .WithName("CreateMeeting").WithSummary("Creates a single meeting and invites its audience.").ProducesValidationProblem();

        api.MapPut("/{id:guid}/schedule", async Task<NoContent> (Guid id, MoveBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MoveMeeting(id, body.StartsAtLocal, body.EndsAtLocal, body.Place, body.OnlineLink, body.Version), ct);
                return TypedResults.NoContent();
            })
            .WithName("MoveMeeting").WithSummary("Moves one meeting or occurrence; registrants are told.").ProducesValidationProblem();

        api.MapPost("/{id:guid}/cancel", async Task<NoContent> (Guid id, CancelBody? body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CancelMeeting(id, body?.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelMeeting").WithSummary("Cancels one meeting or occurrence (optional reason); registrants are told.").ProducesValidationProblem();

        api.MapPost("/{id:guid}/registrations", async Task<Ok<RegistrationResult>> (Guid id, RegisterBody? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Register(id, body?.PersonId), ct)))
            .WithName("Register").WithSummary("Registers oneself (or a delegate of one's organisation); at capacity onto the waitlist.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/{id:guid}/registrations/{personId:guid}", async Task<NoContent> (Guid id, Guid personId, bool? decline, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CancelRegistration(id, personId, decline ?? false), ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelRegistration").WithSummary("Cancels a registration or declines the invitation; the first waiting person moves up.");

        api.MapGet("/{id:guid}/registrations", async Task<Ok<PagedResult<RegistrationListItem>>> (
                Guid id, string? search, RegistrationStatus? status, PartnerGroup? partnerGroup, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRegistrations(id, search, status, partnerGroup, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListRegistrations").WithSummary("The registration list (staff/lab coordinator), searchable, by status and partner group.");

        api.MapGet("/{id:guid}/registrations.csv", async Task<FileContentHttpResult> (Guid id, MeetingAccess access, MeetingsDbContext db, CancellationToken ct) =>
            {
                await access.ManagedMeetingAsync(id, ct);
                var rows = await ListRegistrationsHandler.Query(db, new ListRegistrations(id)).OrderBy(r => r.PartnerGroup).ThenBy(r => r.OrganizationName)
                    .Select(r => new { r.PersonName, r.OrganizationName, r.PartnerGroup, r.Status, r.CheckedInAt }).ToListAsync(ct);
                var text = new System.Text.StringBuilder("Name,Organisation,PartnerGroup,Status,CheckedInAt\r\n");
                foreach (var row in rows)
                {
                    text.Append(string.Join(',', new[] { row.PersonName, row.OrganizationName ?? "", row.PartnerGroup?.ToString() ?? "", row.Status.ToString(),
                        row.CheckedInAt?.ToString("O", CultureInfo.InvariantCulture) ?? "" }.Select(Csv))).Append("\r\n");
                }

                return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
                    "text/csv; charset=utf-8", "registrations.csv");
            })
            .WithName("ExportRegistrations").WithSummary("The registration list by partner group as CSV.");

        api.MapGet("/{id:guid}/registrations.xlsx", async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.File(await mediator.Send(new ExportRegistrationsXlsx(id), ct),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "registrations.xlsx"))
            .WithName("ExportRegistrationsXlsx").WithSummary("The registration list by partner group as an Excel workbook (XLSX).");

        api.MapPost("/{id:guid}/checkins", async Task<NoContent> (Guid id, CheckInBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CheckIn(id, body.PersonId, body.Present), ct);
                return TypedResults.NoContent();
            })
            .WithName("CheckIn").WithSummary("Checks a person in (also walk-ins) or undoes it.");

        api.MapPost("/{id:guid}/agenda", async Task<Created<IdResponse>> (Guid id, AgendaBody body, IMediator mediator, CancellationToken ct) =>
            {
                var itemId = await mediator.Send(new AddAgendaItem(id, body.Title, body.Presenter, body.PlannedMinutes, body.LabId), ct);
                return TypedResults.Created($"/api/meetings/{id}", new IdResponse(itemId));
            })
            .WithName("AddAgendaItem").WithSummary("Adds an agenda item.").ProducesValidationProblem();

        api.MapPost("/agenda/{itemId:guid}/documents", async Task<Created<IdResponse>> (Guid itemId, DocumentBody body, IMediator mediator, CancellationToken ct) =>
            {
                byte[]? content = null;
                if (body.ContentBase64 is not null && !TryDecode(body.ContentBase64, out content))
                {
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(DocumentBody.ContentBase64), "Not valid base64.")]);
                }

                var documentId = await mediator.Send(new AddAgendaDocument(itemId, body.Name, body.Url, body.ContentType, content), ct);
                return TypedResults.Created($"/api/meetings/documents/{documentId}", new IdResponse(documentId));
            })
            .WithName("AddAgendaDocument").WithSummary("Attaches a link or a small file (base64, at most 5 MB) to an agenda item.").ProducesValidationProblem();

        api.MapGet("/documents/{documentId:guid}", async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> (
                Guid documentId, MeetingsDbContext db, MeetingAccess access, CancellationToken ct) =>
            {
                var document = await db.AgendaDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
                var meetingId = document is null ? (Guid?)null : await db.AgendaItems.Where(a => a.Id == document.AgendaItemId).Select(a => a.MeetingId).FirstAsync(ct);
                if (document is null || meetingId is null)
                {
                    return TypedResults.NotFound();
                }

                await access.VisibleMeetingAsync(meetingId.Value, ct);
                return document.Content is { } content
                    ? TypedResults.File(content, "application/octet-stream", document.Name)
                    : TypedResults.Redirect(document.Url!);
            })
            .WithName("GetAgendaDocument").WithSummary("Downloads an attached file (as a download, never rendered inline) or follows the link.");

        api.MapPost("/{id:guid}/topics", async Task<Created<IdResponse>> (Guid id, TopicBody body, IMediator mediator, CancellationToken ct) =>
            {
                var topicId = await mediator.Send(new SubmitTopic(id, body.Title, body.Description), ct);
                return TypedResults.Created($"/api/meetings/{id}", new IdResponse(topicId));
            })
            .WithName("SubmitTopic").WithSummary("Proposes a topic for the agenda (before the topic deadline).").ProducesValidationProblem();

        api.MapPost("/topics/{topicId:guid}/agenda", async Task<Created<IdResponse>> (Guid topicId, int? plannedMinutes, IMediator mediator, CancellationToken ct) =>
            {
                var itemId = await mediator.Send(new TakeTopicOntoAgenda(topicId, plannedMinutes ?? 15), ct);
                return TypedResults.Created($"/api/meetings/agenda/{itemId}", new IdResponse(itemId));
            })
            .WithName("TakeTopicOntoAgenda").WithSummary("Takes a submitted topic onto the agenda (staff).");

        api.MapPut("/agenda/{itemId:guid}/notes", async Task<NoContent> (Guid itemId, NotesBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SaveItemNotes(itemId, body.Notes, body.Version), ct);
                return TypedResults.NoContent();
            })
            .WithName("SaveItemNotes").WithSummary("Saves the minutes' notes of an agenda item (409 when approved or stale).");

        api.MapPost("/agenda/{itemId:guid}/decisions", async Task<Created<IdResponse>> (Guid itemId, DecisionBody body, IMediator mediator, CancellationToken ct) =>
            {
                var decisionId = await mediator.Send(new RecordDecision(itemId, body.Text, body.ActionItems), ct);
                return TypedResults.Created($"/api/meetings/decisions/{decisionId}", new IdResponse(decisionId));
            })
            .WithName("RecordDecision").WithSummary("Records a decision with action items; publishes DecisionRecorded and ActionItemDecided.")
            .ProducesValidationProblem();

        api.MapPost("/{id:guid}/minutes/approve", async Task<NoContent> (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ApproveMinutes(id, body.Version), ct);
                return TypedResults.NoContent();
            })
            .WithName("ApproveMinutes").WithSummary("Approves and locks the minutes.");

        api.MapPost("/{id:guid}/minutes/addenda", async Task<Created<IdResponse>> (Guid id, TextBody body, IMediator mediator, CancellationToken ct) =>
            {
                var addendumId = await mediator.Send(new AddAddendum(id, body.Text), ct);
                return TypedResults.Created($"/api/meetings/{id}", new IdResponse(addendumId));
            })
            .WithName("AddMinutesAddendum").WithSummary("Adds a logged correction to approved minutes.").ProducesValidationProblem();

        api.MapGet("/{id:guid}/minutes.md", async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var markdown = await mediator.Send(new ExportMinutes(id), ct);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"protokoll-{id:N}.md");
            })
            .WithName("ExportMinutes").WithSummary("The minutes (agenda, attendance, decisions, action items, polls) as Markdown.");

        api.MapGet("/{id:guid}/minutes.docx", async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.File(await mediator.Send(new ExportMinutesDocx(id), ct),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"protokoll-{id:N}.docx"))
            .WithName("ExportMinutesDocx").WithSummary("The minutes (agenda, attendance, decisions, action items, polls) as a Word document (DOCX).");

        api.MapPost("/{id:guid}/polls", async Task<Created<IdResponse>> (Guid id, PollBody body, IMediator mediator, CancellationToken ct) =>
            {
                var pollId = await mediator.Send(new OpenPoll(id, body.AgendaItemId, body.Question, body.Options, body.MultipleChoice), ct);
                return TypedResults.Created($"/api/meetings/{id}", new IdResponse(pollId));
            })
            .WithName("OpenPoll").WithSummary("Opens a straw poll.").ProducesValidationProblem();

        api.MapPost("/polls/{pollId:guid}/votes", async Task<NoContent> (Guid pollId, VoteBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CastVote(pollId, body.OptionIndexes, body.OrganizationId, body.Change), ct);
                return TypedResults.NoContent();
            })
            .WithName("CastVote").WithSummary("Votes for one's organisation (one vote per organisation; change=true replaces it).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/polls/{pollId:guid}/close", async Task<Ok<IReadOnlyList<PollOptionResult>>> (Guid pollId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ClosePoll(pollId), ct)))
            .WithName("ClosePoll").WithSummary("Closes a poll and writes its result into the minutes.");

        CalendarEndpoints.Map(endpoints, api);
    }

    private static bool TryDecode(string base64, out byte[]? content)
    {
        var buffer = new byte[base64.Length * 3 / 4 + 3];
        var ok = Convert.TryFromBase64String(base64, buffer, out var written);
        content = ok ? buffer[..written] : null;
        return ok;
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

internal sealed record IdResponse(Guid Id);
internal sealed record MoveBody(DateTime StartsAtLocal, DateTime EndsAtLocal, string? Place, string? OnlineLink, uint Version);
internal sealed record UpdateSeriesBody(TimeOnly StartTime, int DurationMinutes, string? Place, string? OnlineLink, int Capacity, int? DelegateLimit,
    IReadOnlyList<int>? ReminderDaysBefore, uint Version);
internal sealed record DocumentBody(string Name, string? Url, string? ContentType, string? ContentBase64);
internal sealed record TopicBody(string Title, string? Description);
internal sealed record RegisterBody(Guid? PersonId);
internal sealed record CancelBody(string? Reason);
internal sealed record CheckInBody(Guid PersonId, bool Present = true);
internal sealed record AgendaBody(string Title, string? Presenter, int PlannedMinutes, Guid? LabId);
internal sealed record NotesBody(string? Notes, uint Version);
internal sealed record DecisionBody(string Text, IReadOnlyList<ActionItemInput>? ActionItems);
internal sealed record VersionBody(uint Version);
internal sealed record TextBody(string Text);
internal sealed record PollBody(Guid? AgendaItemId, string Question, IReadOnlyList<string> Options, bool MultipleChoice);
internal sealed record VoteBody(IReadOnlyList<int> OptionIndexes, Guid? OrganizationId, bool Change);
