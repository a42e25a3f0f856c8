using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.LabsCore;

/// <summary>Lifecycle proposed → active ⇄ paused → concluded; each step recorded with who and when.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ChangeLabStatus(Guid LabId, LabStatus Status) : IRequest<Unit>;

internal sealed class ChangeLabStatusValidator : AbstractValidator<ChangeLabStatus>
{
    public ChangeLabStatusValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
}

internal sealed class ChangeLabStatusHandler(LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text, TimeProvider clock) : IRequestHandler<ChangeLabStatus, Unit>
{
    public static bool IsAllowed(LabStatus from, LabStatus to) => (from, to) switch
    {
        (LabStatus.Proposed, LabStatus.Active) => true,
        (LabStatus.Proposed, LabStatus.Concluded) => true,
        (LabStatus.Active, LabStatus.Paused) => true,
        (LabStatus.Active, LabStatus.Concluded) => true,
        (LabStatus.Paused, LabStatus.Active) => true,
        (LabStatus.Paused, LabStatus.Concluded) => true,
        _ => false,
    };

    public async Task<Unit> Handle(ChangeLabStatus request, CancellationToken cancellationToken)
    {
        var lab = await permissions.LabAsync(request.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        if (!IsAllowed(lab.Status, request.Status))
        {
            throw new ConflictException(text["Lab_StatusNotAllowed", text[$"LabStatus_{lab.Status}"].Value, text[$"LabStatus_{request.Status}"].Value]);
        }

        var now = clock.GetUtcNow();
        lab.Status = request.Status;
        db.StatusChanges.Add(new LabStatusChange { Id = Guid.NewGuid(), LabId = lab.Id, Status = request.Status, ChangedAt = now, ChangedByPersonId = permissions.User.PersonId });
        return Unit.Value;
    }
}
