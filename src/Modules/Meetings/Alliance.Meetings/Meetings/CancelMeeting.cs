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

internal sealed class CancelMeetingHandler(MeetingsDbContext db, MeetingPermissions access, MeetingMails mails, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<CancelMeeting, MediatR.Unit>
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
        meeting.Sequence++;
        var told = await db.Registrations
            .Where(r => r.MeetingId == meeting.Id && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Invited))
            .ToListAsync(cancellationToken);
        await mails.RefreshContactsAsync(told, cancellationToken);
        foreach (var registration in told)
        {
            if (mails.Compose(registration, meeting, "Mail_Cancelled_Subject", "Mail_Cancelled_Body", request.Reason?.Trim()) is { } mail)
            {
                db.AddIntegrationEvent(mail, now);
            }
        }

        db.AddIntegrationEvent(new MeetingCancelled(meeting.Id), now);
        return MediatR.Unit.Value;
    }
}
