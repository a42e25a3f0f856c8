using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>Cancels one meeting (or one occurrence); it stays in calendars as cancelled, registrants are told (with the reason, if given).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CancelMeeting(Guid MeetingId, string? Reason = null) : IRequest;

internal sealed class CancelMeetingValidator : AbstractValidator<CancelMeeting>
{
    public CancelMeetingValidator() => RuleFor(c => c.Reason).MaximumLength(TextLimits.CancelReason);
}

internal sealed class CancelMeetingHandler(MeetingPermissions access, MeetingChanges changes, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<CancelMeeting, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(CancelMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        if (meeting.IsCancelled)
        {
            throw new ConflictException(text["Conflict_MeetingAlreadyCancelled"]);
        }

        var now = clock.GetUtcNow();
        meeting.IsCancelled = true;
        await changes.CancelledAsync(meeting, request.Reason, now, cancellationToken);
        return MediatR.Unit.Value;
    }
}
