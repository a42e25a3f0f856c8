using Alliance.Shared.Concurrency;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// Cancels a registration (or declines the invitation). A freed seat goes to the first person waiting, who is told by
/// e-mail — in the same transaction, under the meeting's lock. The person is sent a confirmation; who had a seat with
/// METHOD:CANCEL for the calendar entry.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CancelRegistration(Guid MeetingId, Guid? PersonId = null, bool Decline = false) : IRequest;

internal sealed class CancelRegistrationHandler(
    MeetingsDbContext db, ICurrentUser user, MeetingPermissions access, Waitlist waitlist, MeetingMails mails, IStringLocalizer<MeetingsText> text, TimeProvider clock,
    KeyedGate<Guid> gate)
    : IRequestHandler<CancelRegistration, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(CancelRegistration request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId ?? user.PersonId ?? throw new ForbiddenException();
        var visible = await access.VisibleMeetingAsync(request.MeetingId, cancellationToken);
        var manages = await access.CanManageAsync(visible.LabId, cancellationToken);

        // One writer per meeting in this host waits for the row lock; the others wait here without a pooled connection.
        using var turn = await gate.EnterAsync(request.MeetingId, cancellationToken);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.LockAsync(request.MeetingId, cancellationToken) ?? throw NotFoundException.For("Meeting", request.MeetingId);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MeetingId == meeting.Id && r.PersonId == personId, cancellationToken)
            ?? throw NotFoundException.For("Registration", personId);
        if (!access.MayRegister(personId, registration.OrganizationId, manages))
        {
            throw new ForbiddenException();
        }

        var now = clock.GetUtcNow();
        if (meeting.StartsAt <= now)
        {
            throw new ConflictException(text["Conflict_MeetingAlreadyBegun"]);
        }

        var freedSeat = registration.Status == RegistrationStatus.Registered;
        var hadRegistered = registration.Status is RegistrationStatus.Registered or RegistrationStatus.Waitlisted;
        if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
        {
            throw new ConflictException(text["Conflict_AlreadyCancelled"]);
        }

        registration.Status = request.Decline && registration.Status == RegistrationStatus.Invited ? RegistrationStatus.Declined : RegistrationStatus.Cancelled;
        registration.WaitlistPosition = null;
        registration.RespondedAt = now;

        // A cancelled registration is confirmed by mail; who had a seat gets METHOD:CANCEL so the entry leaves their calendar.
        // An invitation only declined or withdrawn was never confirmed: no mail.
        if (hadRegistered)
        {
            await mails.RefreshContactsAsync([registration], cancellationToken);
            if (mails.RegistrationCancelled(registration, meeting, freedSeat, now) is { } mail)
            {
                db.AddIntegrationEvent(mail, now);
            }
        }

        if (freedSeat)
        {
            await db.SaveChangesAsync(cancellationToken);
            await waitlist.PromoteAsync(meeting, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MediatR.Unit.Value;
    }
}
