using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Outcomes;

/// <summary>Moves an outcome on: status and percent, optionally with a dated progress note for the timeline.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateOutcomeProgress(Guid OutcomeId, uint Version, OutcomeStatus Status, int Percent, DateOnly? NoteDate, string? Note) : IRequest<Unit>;

internal sealed class UpdateOutcomeProgressValidator : AbstractValidator<UpdateOutcomeProgress>
{
    public UpdateOutcomeProgressValidator(IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithMessage(_ => text["Outcome_PercentRange"]);
        RuleFor(c => c.Note).MaximumLength(TextLimits.OutcomeNote).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.NoteDate).PlausibleDate(text);
        RuleFor(c => c.NoteDate).NotNull().When(c => !string.IsNullOrWhiteSpace(c.Note)).WithMessage(_ => text["Validation_Required"]);
    }
}

internal sealed class UpdateOutcomeProgressHandler(LabsDbContext db, LabPermissions permissions, TimeProvider clock) : IRequestHandler<UpdateOutcomeProgress, Unit>
{
    public async Task<Unit> Handle(UpdateOutcomeProgress request, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.FirstOrDefaultAsync(o => o.Id == request.OutcomeId, cancellationToken)
            ?? throw NotFoundException.For("Outcome", request.OutcomeId);
        var lab = await permissions.LabAsync(outcome.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        db.Entry(outcome).Property(o => o.Version).OriginalValue = request.Version;
        var now = clock.GetUtcNow();
        outcome.Status = request.Status;
        outcome.Percent = request.Status == OutcomeStatus.Completed ? 100 : request.Percent;
        outcome.UpdatedAt = now;
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            db.OutcomeNotes.Add(new OutcomeNote
            {
                Id = Guid.NewGuid(), OutcomeId = outcome.Id, Date = request.NoteDate!.Value, Text = request.Note.Trim(), AuthorPersonId = permissions.User.PersonId, CreatedAt = now,
            });
        }

        return Unit.Value;
    }
}
