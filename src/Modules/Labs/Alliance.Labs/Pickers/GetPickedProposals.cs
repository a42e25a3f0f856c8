using Alliance.Labs.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Pickers;

/// <summary>The titles of the proposals already chosen on a form, for the proposal picker (any status).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPickedProposals(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedProposalsValidator : AbstractValidator<GetPickedProposals>
{
    public GetPickedProposalsValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedProposalsHandler(LabsDbContext db) : IRequestHandler<GetPickedProposals, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedProposals request, CancellationToken cancellationToken) =>
        await db.Proposals.AsNoTracking()
            .Where(p => request.Ids.Contains(p.Id))
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new PickerChoice(p.Id, p.Title, db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
