using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Polls;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>One meeting with agenda, decisions, polls, the caller's registration and (for managers) the counts by partner group.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMeeting(Guid MeetingId) : IRequest<MeetingDetails>;

internal sealed record MeetingDetails(
    Guid Id, Guid? SeriesId, string DisplayTitle, MeetingKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string? Place, string? OnlineLink, int Capacity, int? DelegateLimit, bool IsCancelled, bool IsPast, MinutesStatus MinutesStatus,
    DateTimeOffset? MinutesApprovedAt, uint Version, bool CanManage, int Registered, int Waitlisted, int CheckedIn,
    RegistrationStatus? MyStatus, int? MyWaitlistPlace, IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<PollView> Polls,
    IReadOnlyList<AddendumView> Addenda, IReadOnlyDictionary<PartnerGroup, int> RegisteredByPartnerGroup, IReadOnlyList<string> AttendingOrganizations,
    DateTimeOffset? TopicDeadline, IReadOnlyList<TopicView> Topics, bool CanSubmitTopic, bool CanVote, bool CanReinstate)
{
    public int PlannedMinutes => Agenda.Sum(a => a.PlannedMinutes);
    public int AvailableMinutes => (int)(EndsAt - StartsAt).TotalMinutes;
    public bool AgendaOverruns => PlannedMinutes > AvailableMinutes;
}

internal sealed record AgendaItemView(Guid Id, int Position, string Title, string? Presenter, int PlannedMinutes, Guid? LabId, string? LabTitle,
    string? Notes, uint Version, IReadOnlyList<DecisionView> Decisions, IReadOnlyList<DocumentView> Documents);

internal sealed record DocumentView(Guid Id, string Name);

internal sealed record TopicView(Guid Id, string Title, string? Description, string SubmitterName, TopicStatus Status);

internal sealed record DecisionView(Guid Id, string Text, IReadOnlyList<ActionItemView> ActionItems);

internal sealed record ActionItemView(string Title, string? OwnerName, DateOnly? DueDate);

internal sealed record PollView(Guid Id, Guid? AgendaItemId, string Question, bool MultipleChoice, bool IsClosed, IReadOnlyList<PollOptionResult> Results,
    int Votes, IReadOnlyList<int>? MyOrganizationVote);

internal sealed record AddendumView(string Text, string AuthorName, DateTimeOffset AddedAt);

internal sealed class GetMeetingHandler(MeetingsDbContext db, MeetingPermissions access, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetMeeting, MeetingDetails>
{
    public async Task<MeetingDetails> Handle(GetMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await access.VisibleMeetingAsync(request.MeetingId, cancellationToken);
        var manages = await access.CanManageAsync(meeting.LabId, cancellationToken);
        var counts = await db.Registrations.Where(r => r.MeetingId == meeting.Id)
            .GroupBy(r => new { r.Status, r.PartnerGroup, CheckedIn = r.CheckedInAt != null })
            .Select(g => new { g.Key.Status, g.Key.PartnerGroup, g.Key.CheckedIn, Count = g.Count() }).ToListAsync(cancellationToken);
        var mine = user.PersonId is { } person
            ? await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meeting.Id && r.PersonId == person, cancellationToken)
            : null;
        int? place = mine is { Status: RegistrationStatus.Waitlisted }
            ? await db.Registrations.CountAsync(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Waitlisted && r.WaitlistPosition <= mine.WaitlistPosition, cancellationToken)
            : null;
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        // Decisions and documents are shown under their agenda item: without items there is nothing to ask for.
        var decisions = items.Count == 0 ? [] : await db.Decisions.AsNoTracking().Include(d => d.ActionItems).Where(d => d.MeetingId == meeting.Id)
            .OrderBy(d => d.RecordedAt).ToListAsync(cancellationToken);
        var polls = await db.Polls.AsNoTracking().Where(p => p.MeetingId == meeting.Id).OrderBy(p => p.OpenedAt).ToListAsync(cancellationToken);
        // Results, vote counts and the caller's own votes of all polls in three queries, whatever the number of polls
        // (none without polls).
        var pollIds = polls.Select(p => p.Id).ToList();
        var results = polls.Count == 0 ? new Dictionary<Guid, IReadOnlyList<PollOptionResult>>() : await PollResults.CountAsync(db, polls, cancellationToken);
        var voteCounts = polls.Count == 0 ? [] : await db.PollVotes.Where(v => pollIds.Contains(v.PollId)).GroupBy(v => v.PollId)
            .Select(g => new { PollId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PollId, g => g.Count, cancellationToken);
        var ownVotes = polls.Count > 0 && user.OrganizationId is { } organization
            ? await db.PollVotes.Where(v => pollIds.Contains(v.PollId) && v.OrganizationId == organization)
                .ToDictionaryAsync(v => v.PollId, v => v.OptionIndexes, cancellationToken)
            : [];
        // Results are shown live to staff, to everyone once the poll is closed.
        var pollViews = polls.Select(poll => new PollView(poll.Id, poll.AgendaItemId, poll.Question, poll.MultipleChoice, poll.IsClosed,
                manages || poll.IsClosed ? results[poll.Id] : results[poll.Id].Select(r => r with { Votes = 0 }).ToList(),
                voteCounts.GetValueOrDefault(poll.Id), ownVotes.GetValueOrDefault(poll.Id)))
            .ToList();

        var documents = items.Count == 0 ? [] : await db.AgendaDocuments.AsNoTracking().Where(d => db.AgendaItems.Any(a => a.Id == d.AgendaItemId && a.MeetingId == meeting.Id))
            .OrderBy(d => d.AddedAt).Select(d => new { d.AgendaItemId, View = new DocumentView(d.Id, d.Name) }).ToListAsync(cancellationToken);
        var ownPerson = user.PersonId ?? Guid.Empty;
        var topics = await db.Topics.AsNoTracking().Where(t => t.MeetingId == meeting.Id && (manages || t.PersonId == ownPerson))
            .OrderBy(t => t.SubmittedAt).Select(t => new TopicView(t.Id, t.Title, t.Description, t.SubmitterName, t.Status)).ToListAsync(cancellationToken);
        var addenda = await db.Addenda.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.AddedAt)
            .Select(a => new AddendumView(a.Text, a.AuthorName, a.AddedAt)).ToListAsync(cancellationToken);
        // German order ("Bäckerei" before "Buchhandlung"), as every list: the copied names have the database's default collation.
        var attending = (await db.Registrations.Where(r => r.MeetingId == meeting.Id && r.CheckedInAt != null && r.OrganizationName != null)
            .Select(r => r.OrganizationName!).Distinct().ToListAsync(cancellationToken)).Order(GermanSort.Comparer).ToList();

        return new MeetingDetails(
            meeting.Id, meeting.SeriesId, meeting.DisplayTitle, meeting.Kind, meeting.StartsAt, meeting.EndsAt, meeting.TimeZone, meeting.Place,
            meeting.OnlineLink, meeting.Capacity, meeting.DelegateLimit, meeting.IsCancelled, meeting.StartsAt <= clock.GetUtcNow(), meeting.MinutesStatus,
            meeting.MinutesApprovedAt, meeting.Version, manages,
            counts.Where(c => c.Status == RegistrationStatus.Registered).Sum(c => c.Count),
            counts.Where(c => c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count),
            counts.Where(c => c.CheckedIn).Sum(c => c.Count),
            mine?.Status, place,
            items.Select(i => new AgendaItemView(i.Id, i.Position, i.Title, i.Presenter, i.PlannedMinutes, i.LabId, i.LabTitle, i.Notes, i.Version,
                decisions.Where(d => d.AgendaItemId == i.Id).Select(d => new DecisionView(d.Id, d.Text,
                    d.ActionItems.Select(a => new ActionItemView(a.Title, a.OwnerName, a.DueDate)).ToList())).ToList(),
                documents.Where(d => d.AgendaItemId == i.Id).Select(d => d.View).ToList())).ToList(),
            pollViews, addenda,
            manages
                ? counts.Where(c => c.Status == RegistrationStatus.Registered && c.PartnerGroup != null)
                    .GroupBy(c => c.PartnerGroup!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Count))
                : new Dictionary<PartnerGroup, int>(),
            attending, meeting.TopicDeadline, topics,
            access.CanSubmitTopic(meeting, clock.GetUtcNow()), access.CanVoteForOwnOrganization, access.CanReinstate(meeting, clock.GetUtcNow()));
    }
}
