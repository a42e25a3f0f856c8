using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// What the dashboard card and the meetings page show around the list: the next meetings, and what the caller may do
/// and see (<see cref="MeetingPermissions"/>) — pages decide nothing from roles themselves.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMeetingsOverview(int Upcoming = 3) : IRequest<MeetingsOverview>;

/// <summary>
/// <see cref="CanCreateMeetings"/> and <see cref="CanSeeCounts"/> for the office; minutes awaiting approval for those who
/// approve them; the caller's open invitations; <see cref="HasCalendarFeed"/> for people (with a personal feed).
/// </summary>
internal sealed record MeetingsOverview(
    IReadOnlyList<MeetingListItem> Upcoming, bool CanCreateMeetings, bool CanSeeCounts, bool HasCalendarFeed, int MinutesAwaitingApproval, int OpenInvitations);

internal sealed class GetMeetingsOverviewHandler(MeetingsDbContext db, IMediator mediator, MeetingPermissions permissions, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<GetMeetingsOverview, MeetingsOverview>
{
    public async Task<MeetingsOverview> Handle(GetMeetingsOverview request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var upcoming = request.Upcoming > 0
            ? (await mediator.Send(new ListMeetings(PageSize: Math.Clamp(request.Upcoming, 1, Paging.MaxPageSize)), cancellationToken)).Items
            : [];
        var awaiting = permissions.IsStaff
            ? await db.Meetings.CountAsync(m => m.EndsAt < now && !m.IsCancelled && m.MinutesStatus == MinutesStatus.Draft, cancellationToken)
            : 0;
        var person = user.PersonId;
        var invitations = person is { } id && !permissions.IsStaff
            ? await db.Registrations.CountAsync(r => r.PersonId == id && r.Status == RegistrationStatus.Invited
                && db.Meetings.Any(m => m.Id == r.MeetingId && m.StartsAt > now && !m.IsCancelled), cancellationToken)
            : 0;
        return new MeetingsOverview(upcoming, permissions.IsStaff, permissions.IsStaff, person is not null, awaiting, invitations);
    }
}
