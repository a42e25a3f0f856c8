using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Agenda;

/// <summary>Staff take a submitted topic onto the agenda: a new item, presented by the submitter; answers the item and its meeting.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record TakeTopicOntoAgenda(Guid TopicId, int PlannedMinutes = 15) : IRequest<PartOfMeeting>;

internal sealed class TakeTopicOntoAgendaHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text) : IRequestHandler<TakeTopicOntoAgenda, PartOfMeeting>
{
    public async Task<PartOfMeeting> Handle(TakeTopicOntoAgenda request, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == request.TopicId, cancellationToken) ?? throw NotFoundException.For("Topic", request.TopicId);
        var meeting = await access.MeetingWithEditableMinutesAsync(topic.MeetingId, cancellationToken);
        if (topic.Status == TopicStatus.OnAgenda)
        {
            throw new ConflictException(text["Conflict_TopicOnAgenda"]);
        }

        var position = (await db.AgendaItems.Where(a => a.MeetingId == meeting.Id).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0) + 1;
        var item = new AgendaItem
        {
            Id = Guid.NewGuid(), MeetingId = meeting.Id, Position = position, Title = topic.Title, Presenter = topic.SubmitterName,
            PlannedMinutes = Math.Clamp(request.PlannedMinutes, 1, 600),
        };
        db.AgendaItems.Add(item);
        topic.Status = TopicStatus.OnAgenda;
        topic.AgendaItemId = item.Id;
        return new PartOfMeeting(item.Id, meeting.Id);
    }
}
