using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Minutes;

/// <summary>Approves (closes) the minutes: from now on they are locked. Open polls must be closed first.</summary>
internal sealed record ApproveMinutes(Guid MeetingId, uint Version) : IRequest;

internal sealed class ApproveMinutesHandler(MeetingsDbContext db, MeetingPermissions access, TimeProvider clock) : IRequestHandler<ApproveMinutes, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(ApproveMinutes request, CancellationToken cancellationToken)
    {
        var meeting = await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        MinutesGuard.EnsureEditable(meeting);
        if (await db.Polls.AnyAsync(p => p.MeetingId == meeting.Id && !p.IsClosed, cancellationToken))
        {
            throw new ConflictException("Close the open polls before approving the minutes.");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = request.Version;
        meeting.MinutesStatus = MinutesStatus.Approved;
        meeting.MinutesApprovedAt = clock.GetUtcNow();
        return MediatR.Unit.Value;
    }
}
