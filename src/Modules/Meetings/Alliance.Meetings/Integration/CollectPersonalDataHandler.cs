using Alliance.Members.Contracts;
using Alliance.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Integration;

/// <summary>The person's data export: registrations and attendance, poll votes cast, topics submitted.</summary>
internal sealed class CollectPersonalDataHandler(MeetingsDbContext db) : INotificationHandler<CollectPersonalData>
{
    public async Task Handle(CollectPersonalData notification, CancellationToken cancellationToken)
    {
        var personId = notification.PersonId;
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.PersonId == personId)
            .Join(db.Meetings, r => r.MeetingId, m => m.Id, (r, m) => new
            {
                Meeting = m.Title, m.Number, m.StartsAt, Status = r.Status.ToString(), r.PersonName, r.OrganizationName, r.Email, r.RespondedAt, r.CheckedInAt,
            })
            .OrderBy(r => r.StartsAt).ToListAsync(cancellationToken);
        var votes = await db.PollVotes.AsNoTracking().Where(v => v.PersonId == personId)
            .Join(db.Polls, v => v.PollId, p => p.Id, (v, p) => new { p.Question, p.Options, v.OptionIndexes, v.CastAt })
            .ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Where(t => t.PersonId == personId)
            .Select(t => new { t.Title, t.Description, t.SubmittedAt, Status = t.Status.ToString() }).ToListAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().AnyAsync(f => f.PersonId == personId, cancellationToken);
        notification.Collector.Add("meetings", new
        {
            Registrations = registrations,
            Votes = votes.Select(v => new { v.Question, Chosen = v.OptionIndexes.Where(i => i < v.Options.Count).Select(i => v.Options[i]).ToList(), v.CastAt }),
            Topics = topics,
            HasCalendarFeed = feed,
        });
    }
}
