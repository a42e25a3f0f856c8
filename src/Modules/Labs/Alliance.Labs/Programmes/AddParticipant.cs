using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Programmes;

/// <summary>Staff (or the programme's coordinator) add a participant to a programme lab.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record AddParticipant(Guid LabId, string Name, string? Email, ParticipantStatus Status, DateOnly? FollowUpOn, string? Note) : IRequest<Guid>;

internal sealed class AddParticipantValidator : AbstractValidator<AddParticipant>
{
    public AddParticipantValidator(IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.ParticipantName).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Email).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage(_ => text["Validation_Email"]).MaximumLength(TextLimits.ParticipantEmail);
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.FollowUpOn).PlausibleDate(text);
        RuleFor(c => c.Note).MaximumLength(TextLimits.ParticipantNote).WithMessage(_ => text["Validation_TooLong"]);
    }
}

internal sealed class AddParticipantHandler(LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text, TimeProvider clock) : IRequestHandler<AddParticipant, Guid>
{
    public async Task<Guid> Handle(AddParticipant request, CancellationToken cancellationToken)
    {
        var lab = await permissions.LabAsync(request.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        if (lab.Kind != LabKind.Programme)
        {
            throw new ConflictException(text["Programme_NotAProgramme"]);
        }

        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var participant = new Participant
        {
            Id = Guid.NewGuid(), LabId = lab.Id, Name = request.Name.Trim(), Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            Status = request.Status, LastContactOn = today, FollowUpOn = request.FollowUpOn, Note = request.Note?.Trim(), CreatedAt = now,
        };
        participant.History.Add(new ParticipantStatusChange
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, Status = request.Status, On = today, ChangedByPersonId = permissions.User.PersonId, RecordedAt = now,
        });
        db.Participants.Add(participant);
        return participant.Id;
    }
}
