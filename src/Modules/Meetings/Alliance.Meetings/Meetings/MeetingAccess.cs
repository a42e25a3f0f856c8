using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Modules;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Who may do what with a meeting: staff everything; a lab coordinator their lab's meetings; representatives see
/// meetings they are invited to (or open to all members).
/// </summary>
internal sealed class MeetingAccess(ICurrentUser user, IMediator mediator, ModuleCatalog catalog, MeetingsDbContext db)
{
    public async Task<bool> CanManageAsync(Guid? labId, CancellationToken cancellationToken)
    {
        if (user.IsStaff)
        {
            return true;
        }

        if (labId is { } lab && user.PersonId is { } person && catalog.Handles(typeof(IsLabCoordinator)))
        {
            return await mediator.Send(new IsLabCoordinator(lab, person), cancellationToken);
        }

        return false;
    }

    public async Task EnsureCanManageAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(meeting.LabId, cancellationToken))
        {
            throw new ForbiddenException();
        }
    }

    public async Task<bool> CanSeeAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.Audience == AudienceKind.AllMembers && user.IsAuthenticated)
        {
            return true;
        }

        if (user.PersonId is { } person && await db.Registrations.AnyAsync(r => r.MeetingId == meeting.Id && r.PersonId == person, cancellationToken))
        {
            return true;
        }

        if (meeting.Audience == AudienceKind.ChosenOrganizations && user.OrganizationId is { } organization && meeting.AudienceOrganizationIds.Contains(organization))
        {
            return true;
        }

        return await CanManageAsync(meeting.LabId, cancellationToken);
    }

    /// <summary>The meeting, or 404 when it does not exist or the caller may not know it does.</summary>
    public async Task<Meeting> VisibleMeetingAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw NotFoundException.For("Meeting", meetingId);
        if (!await CanSeeAsync(meeting, cancellationToken))
        {
            throw NotFoundException.For("Meeting", meetingId);
        }

        return meeting;
    }

    public async Task<Meeting> ManagedMeetingAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw NotFoundException.For("Meeting", meetingId);
        await EnsureCanManageAsync(meeting, cancellationToken);
        return meeting;
    }
}
