using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Programmes;

/// <summary>
/// Staff record a contact with a participant: the status then (started a business, on the way, gave up, …), a note
/// and the next follow-up date. Every contact is a row of the status history and resets the 90-day clock.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record RecordParticipantContact(Guid ParticipantId, uint Version, ParticipantStatus Status, DateOnly On, DateOnly? FollowUpOn, string? Note) : IRequest<Unit>;

internal sealed class RecordParticipantContactValidator : AbstractValidator<RecordParticipantContact>
{
    public RecordParticipantContactValidator(IStringLocalizer<LabsText> text, TimeProvider clock)
    {
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.On).Must(on => on <= AllianceTime.Today(clock)).WithMessage(_ => text["Programme_ContactInFuture"]).PlausibleDate(text);
        RuleFor(c => c.FollowUpOn).PlausibleDate(text);
        RuleFor(c => c.FollowUpOn).GreaterThan(c => c.On).When(c => c.FollowUpOn is not null).WithMessage(_ => text["Programme_FollowUpBeforeContact"]);
        RuleFor(c => c.Note).MaximumLength(TextLimits.ContactNote).WithMessage(_ => text["Validation_TooLong"]);
    }
}

internal sealed class RecordParticipantContactHandler(LabsDbContext db, LabPermissions permissions, TimeProvider clock) : IRequestHandler<RecordParticipantContact, Unit>
{
    public async Task<Unit> Handle(RecordParticipantContact request, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Id == request.ParticipantId, cancellationToken)
            ?? throw NotFoundException.For("Participant", request.ParticipantId);
        var lab = await permissions.LabAsync(participant.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        db.Entry(participant).Property(p => p.Version).OriginalValue = request.Version;
        participant.Status = request.Status;
        if (request.On > participant.LastContactOn)
        {
            participant.LastContactOn = request.On;
        }

        participant.FollowUpOn = request.FollowUpOn;
        db.ParticipantStatusChanges.Add(new ParticipantStatusChange
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, Status = request.Status, On = request.On, Note = request.Note?.Trim(),
            ChangedByPersonId = permissions.User.PersonId, RecordedAt = clock.GetUtcNow(),
        });
        return Unit.Value;
    }
}
