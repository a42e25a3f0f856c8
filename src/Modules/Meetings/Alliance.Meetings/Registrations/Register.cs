using Alliance.Shared.Concurrency;
using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// Registers a person (oneself, or a delegate of one's own organisation; staff anyone). At capacity the person goes
/// onto the waitlist. Registering again answers with the current state (idempotent) and sends nothing. The meeting row is
/// locked, so 200 parallel registrations for 50 seats give exactly 50. The person gets a confirmation in their language:
/// with a seat it carries the calendar entry (.ics, METHOD:REQUEST), on the waitlist it names the place.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record Register(Guid MeetingId, Guid? PersonId = null) : IRequest<RegistrationResult>;

internal sealed record RegistrationResult(Guid RegistrationId, string Status, int? WaitlistPlace);

internal sealed class RegisterHandler(
    MeetingsDbContext db, ICurrentUser user, IMediator mediator, MeetingPermissions access, MeetingMails mails, IStringLocalizer<MeetingsText> text, TimeProvider clock, KeyedGate<Guid> gate)
    : IRequestHandler<Register, RegistrationResult>
{
    public async Task<RegistrationResult> Handle(Register request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId ?? user.PersonId ?? throw new ForbiddenException();
        var person = (await mediator.Send(new GetPeopleByIds([personId]), cancellationToken)).FirstOrDefault(p => !p.IsErased)
            ?? throw NotFoundException.For("Person", personId);
        var meetingForAccess = await access.VisibleMeetingAsync(request.MeetingId, cancellationToken);
        var manages = await access.CanManageAsync(meetingForAccess.LabId, cancellationToken);
        if (!access.MayRegister(personId, person.OrganizationId, manages))
        {
            throw new ForbiddenException(text["Forbidden_RegisterOthers"]);
        }

        var organization = person.OrganizationId is { } organizationId
            ? (await mediator.Send(new GetOrganizationsByIds([organizationId]), cancellationToken)).FirstOrDefault()
            : null;

        // Asked before the meeting's row lock: the lock serialises every registration for the meeting, so nothing
        // that asks another module (or waits on anything but this database) runs while it is held.
        var inAppOnlyIfRegistered = await mails.MailOptOutsAsync(RegistrantNotice.Registered, [personId], cancellationToken);
        var inAppOnlyIfWaitlisted = await mails.MailOptOutsAsync(RegistrantNotice.Waitlisted, [personId], cancellationToken);

        // One writer per meeting in this host waits for the row lock; the others wait here without a pooled connection.
        using var turn = await gate.EnterAsync(request.MeetingId, cancellationToken);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.LockAsync(request.MeetingId, cancellationToken) ?? throw NotFoundException.For("Meeting", request.MeetingId);
        var now = clock.GetUtcNow();
        if (meeting.IsCancelled)
        {
            throw Invalid(text["Validation_MeetingCancelled"]);
        }

        if (meeting.StartsAt <= now)
        {
            throw Invalid(text["Validation_MeetingPast"]);
        }

        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MeetingId == meeting.Id && r.PersonId == personId, cancellationToken);
        if (registration is { Status: RegistrationStatus.Registered or RegistrationStatus.Waitlisted })
        {
            // Registering again (a second click, a retry) answers with the current state instead of an error.
            return new RegistrationResult(registration.Id, registration.Status.ToString(), registration.Status == RegistrationStatus.Waitlisted
                ? await db.Registrations.CountAsync(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Waitlisted
                    && r.WaitlistPosition <= registration.WaitlistPosition, cancellationToken)
                : null);
        }

        if (meeting.DelegateLimit is { } limit && person.OrganizationId is { } organizationOfPerson)
        {
            var delegates = await db.Registrations.CountAsync(r => r.MeetingId == meeting.Id && r.OrganizationId == organizationOfPerson
                && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted), cancellationToken);
            if (delegates >= limit)
            {
                throw Invalid(Plural.Format(text, "Validation_DelegateLimitReached", limit));
            }
        }

        if (registration is null)
        {
            registration = Invitations.NewRegistration(meeting.Id, person, organization, RegistrationStatus.Invited, now);
            db.Registrations.Add(registration);
        }

        var taken = await db.Registrations.CountAsync(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Registered, cancellationToken);
        registration.RespondedAt = now;
        int? place = null;
        if (taken < meeting.Capacity)
        {
            registration.Status = RegistrationStatus.Registered;
            registration.WaitlistPosition = null;
        }
        else
        {
            registration.Status = RegistrationStatus.Waitlisted;
            registration.WaitlistPosition = (await db.Registrations.Where(r => r.MeetingId == meeting.Id).MaxAsync(r => r.WaitlistPosition, cancellationToken) ?? 0) + 1;
            place = await db.Registrations.CountAsync(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Waitlisted, cancellationToken) + 1;
        }

        // Contact details as Members has them now (an invitation's copy may be older).
        MeetingMails.Apply(registration, person);
        await mails.PrepareFeedsAsync([registration], cancellationToken);
        var confirmation = place is { } waitlistPlace ? mails.Waitlisted(registration, meeting, waitlistPlace) : mails.Registered(registration, meeting);
        var notice = place is null ? RegistrantNotice.Registered : RegistrantNotice.Waitlisted;
        mails.RecordTold(db, meeting, notice, [registration.PersonId], now);
        var inAppOnly = notice == RegistrantNotice.Registered ? inAppOnlyIfRegistered : inAppOnlyIfWaitlisted;
        if (confirmation is not null && !inAppOnly.Contains(registration.PersonId))
        {
            db.AddIntegrationEvent(confirmation, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationResult(registration.Id, registration.Status.ToString(), place);
    }

    private static ValidationException Invalid(string message) =>
        new([new ValidationFailure(nameof(Register.MeetingId), message)]);
}
