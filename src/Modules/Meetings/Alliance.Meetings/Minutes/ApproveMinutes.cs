using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Minutes;

/// <summary>Approves (closes) the minutes: from now on they are locked. Open polls must be closed first.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ApproveMinutes(Guid MeetingId, uint Version) : IRequest;

internal sealed class ApproveMinutesHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<ApproveMinutes, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(ApproveMinutes request, CancellationToken cancellationToken)
    {
        var meeting = await access.MeetingWithEditableMinutesAsync(request.MeetingId, cancellationToken);
        if (await db.Polls.AnyAsync(p => p.MeetingId == meeting.Id && !p.IsClosed, cancellationToken))
        {
            throw new ConflictException(text["Conflict_OpenPolls"]);
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = request.Version;
        meeting.MinutesStatus = MinutesStatus.Approved;
        meeting.MinutesApprovedAt = clock.GetUtcNow();
        return MediatR.Unit.Value;
    }
}
