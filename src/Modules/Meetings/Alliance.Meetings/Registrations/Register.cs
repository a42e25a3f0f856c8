using System.Runtime.ExceptionServices;
using Alliance.Meetings.Contracts;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Security;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// Registers a person (oneself, or a delegate of one's own organisation; staff anyone). At capacity the person goes
/// onto the waitlist. Registering again answers with the current state (idempotent) and sends nothing. Seats are
/// decided under the meeting's row lock, so 500 registrations at once for 50 seats give exactly 50; registrations
/// arriving together in this host are decided together in one transaction (<see cref="RegistrationLanes"/>). The
/// person gets a confirmation in their language: with a seat it carries the calendar entry (.ics, METHOD:REQUEST), on
/// the waitlist it names the place.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record Register(Guid MeetingId, Guid? PersonId = null) : IRequest<RegistrationResult>;

internal sealed record RegistrationResult(Guid RegistrationId, string Status, int? WaitlistPlace);

internal sealed class RegisterHandler(
    ICurrentUser user, IMediator mediator, MeetingPermissions access, MeetingMails mails, IStringLocalizer<MeetingsText> text,
    RegistrationLanes lanes, SeatDecisions seats)
    : IRequestHandler<Register, RegistrationResult>
{
    public async Task<RegistrationResult> Handle(Register request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId ?? user.PersonId ?? throw new ForbiddenException();
        // Asked before the registration's turn: turns of one meeting are decided one batch after the other, so nothing
        // that asks another module (or waits on anything but this database) runs inside one. One ask per module: the
        // person with her organisation (Members), may the caller register her (none for staff; else the meeting with
        // the caller's registration in one statement), her mail choices for a seat and for a waitlist place (Notifications).
        var found = (await mediator.Send(new GetPeopleWithOrganizations([personId]), cancellationToken)).FirstOrDefault(p => !p.Person.IsErased)
            ?? throw NotFoundException.For("Person", personId);
        if (!await access.MayRegisterAsync(request.MeetingId, personId, found.Person.OrganizationId, cancellationToken))
        {
            throw new ForbiddenException(text["Forbidden_RegisterOthers"]);
        }

        var (inAppOnlyIfRegistered, inAppOnlyIfWaitlisted) = await mails.RegistrationMailOptOutsAsync(personId, cancellationToken);
        var ticket = new RegistrationTicket(found.Person, found.Organization, !inAppOnlyIfRegistered, !inAppOnlyIfWaitlisted);
        if (await lanes.JoinAsync(request.MeetingId, ticket, cancellationToken))
        {
            await LeadAsync(request.MeetingId, ticket, cancellationToken);
        }

        return Answer(request, ticket.Outcome ?? throw new InvalidOperationException("A registration left its turn undecided."));
    }

    /// <summary>
    /// Decides this request's batch (itself and everyone waiting behind it), answers every waiting request, and wakes the
    /// next leader. A leader whose own request was cancelled still decides the others, but not itself.
    /// </summary>
    private async Task LeadAsync(Guid meetingId, RegistrationTicket own, CancellationToken cancellationToken)
    {
        var batch = lanes.TakeBatch(meetingId, own);
        var ownCancelled = cancellationToken.IsCancellationRequested;
        try
        {
            var decide = ownCancelled ? batch.Where(t => t != own).ToList() : batch;
            if (decide.Count > 0)
            {
                await seats.DecideAsync(meetingId, decide);
            }
        }
        catch (Exception failure)
        {
            foreach (var ticket in batch)
            {
                ticket.Outcome ??= RegistrationOutcome.Failed(failure);
            }
        }
        finally
        {
            lanes.HandOver(meetingId);
            foreach (var ticket in batch.Where(t => t != own))
            {
                ticket.Wake.TrySetResult(false);
            }
        }

        if (ownCancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>The decision as this request's answer; refusals in this request's language.</summary>
    private RegistrationResult Answer(Register request, RegistrationOutcome outcome)
    {
        if (outcome.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return outcome.Refusal switch
        {
            RegistrationRefusal.None => outcome.Result!,
            RegistrationRefusal.MeetingNotFound => throw NotFoundException.For("Meeting", request.MeetingId),
            RegistrationRefusal.MeetingCancelled => throw Invalid(text["Validation_MeetingCancelled"]),
            RegistrationRefusal.MeetingPast => throw Invalid(text["Validation_MeetingPast"]),
            _ => throw Invalid(Plural.Format(text, "Validation_DelegateLimitReached", outcome.DelegateLimit)),
        };
    }

    private static ValidationException Invalid(string message) =>
        new([new ValidationFailure(nameof(Register.MeetingId), message)]);
}
