using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// Staff check a person in on the day (or undo it). A walk-in without registration is checked in as well:
/// the person then counts as registered and present (seats do not stop someone standing in the room).
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CheckIn(Guid MeetingId, Guid PersonId, bool Present = true) : IRequest;

internal sealed class CheckInHandler(MeetingsDbContext db, MeetingPermissions access, IMediator mediator, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<CheckIn, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(CheckIn request, CancellationToken cancellationToken)
    {
        var meeting = await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        if (meeting.IsCancelled)
        {
            throw new ConflictException(text["Conflict_MeetingCancelled"]);
        }

        var now = clock.GetUtcNow();
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MeetingId == meeting.Id && r.PersonId == request.PersonId, cancellationToken);
        if (registration is null)
        {
            var person = (await mediator.Send(new GetPeopleByIds([request.PersonId]), cancellationToken)).FirstOrDefault(p => !p.IsErased)
                ?? throw NotFoundException.For("Person", request.PersonId);
            var organization = person.OrganizationId is { } id ? (await mediator.Send(new GetOrganizationsByIds([id]), cancellationToken)).FirstOrDefault() : null;
            registration = Invitations.NewRegistration(meeting.Id, person, organization, RegistrationStatus.Registered, now);
            registration.IsWalkIn = true;
            db.Registrations.Add(registration);
        }
        else if (registration.Status != RegistrationStatus.Registered && request.Present)
        {
            registration.IsWalkIn = true;
            registration.Status = RegistrationStatus.Registered;
            registration.WaitlistPosition = null;
        }

        registration.CheckedInAt = request.Present ? now : null;
        return MediatR.Unit.Value;
    }
}
