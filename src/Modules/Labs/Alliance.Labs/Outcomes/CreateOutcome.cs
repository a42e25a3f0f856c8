using Alliance.Shared.Contracts;
using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Outcomes;

/// <summary>The coordinator or staff record an outcome of the lab (concept, recommendation, pilot project).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CreateOutcome(
    Guid LabId, string Title, string? Description, OutcomeKind Kind, OutcomeStatus Status, int Percent, IReadOnlyList<Guid>? PartnerOrganizationIds)
    : IRequest<Guid>;

internal sealed class CreateOutcomeValidator : AbstractValidator<CreateOutcome>
{
    public CreateOutcomeValidator(IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.OutcomeTitle).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Description).MaximumLength(TextLimits.OutcomeDescription).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithMessage(_ => text["Outcome_PercentRange"]);
        RuleFor(c => c.PartnerOrganizationIds).AtMost(LabRules.MaxListEntries, text);
    }
}

internal sealed class CreateOutcomeHandler(LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, TimeProvider clock)
    : IRequestHandler<CreateOutcome, Guid>
{
    public async Task<Guid> Handle(CreateOutcome request, CancellationToken cancellationToken)
    {
        var lab = await permissions.LabAsync(request.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        var partners = (request.PartnerOrganizationIds ?? []).Distinct().ToList();
        await organizations.EnsureAsync(partners, cancellationToken);
        var now = clock.GetUtcNow();
        var outcome = new Outcome
        {
            Id = Guid.NewGuid(), LabId = lab.Id, Title = request.Title.Trim(), Description = request.Description?.Trim(), Kind = request.Kind,
            Status = request.Status, Percent = request.Percent, PartnerOrganizationIds = partners, CreatedAt = now, UpdatedAt = now,
        };
        db.Outcomes.Add(outcome);
        return outcome.Id;
    }
}
