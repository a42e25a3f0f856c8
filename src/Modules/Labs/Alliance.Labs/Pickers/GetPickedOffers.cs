using Alliance.Labs.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Pickers;

/// <summary>
/// The titles of the offers already chosen on a match form, for the offer picker: closed ones too, so a choice that
/// was withdrawn meanwhile stays shown and the match is refused with a reason instead of the choice disappearing.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPickedOffers(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedOffersValidator : AbstractValidator<GetPickedOffers>
{
    public GetPickedOffersValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedOffersHandler(LabsDbContext db) : IRequestHandler<GetPickedOffers, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedOffers request, CancellationToken cancellationToken) =>
        await db.Offers.AsNoTracking()
            .Where(o => request.Ids.Contains(o.Id))
            .OrderBy(o => o.Title).ThenBy(o => o.Id)
            .Select(o => new PickerChoice(o.Id, o.Title, db.Organizations.Where(x => x.Id == o.OrganizationId).Select(x => x.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
