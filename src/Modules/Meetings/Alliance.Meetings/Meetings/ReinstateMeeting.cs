using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Takes back the cancellation of an upcoming meeting (staff): a significant change, so SEQUENCE and DTSTAMP go up and
/// everyone invited, registered or waiting is told; registrations, the waitlist and invitations stay exactly as they were.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ReinstateMeeting(Guid MeetingId) : IRequest;

internal sealed class ReinstateMeetingHandler(MeetingPermissions access, MeetingChanges changes, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<ReinstateMeeting, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(ReinstateMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        if (!meeting.IsCancelled)
        {
            throw new ConflictException(text["Conflict_MeetingNotCancelled"]);
        }

        var now = clock.GetUtcNow();
        if (meeting.StartsAt <= now)
        {
            throw new ConflictException(text["Conflict_MeetingAlreadyBegun"]);
        }

        meeting.IsCancelled = false;
        await changes.ReinstatedAsync(meeting, now, cancellationToken);
        return MediatR.Unit.Value;
    }
}
