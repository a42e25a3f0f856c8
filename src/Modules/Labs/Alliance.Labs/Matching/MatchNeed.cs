using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Labs.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Matching;

/// <summary>
/// Staff (or the coordinator of the need's lab) match a need with one or more offers of other organisations.
/// Both sides are told (in-app and by e-mail, see Notifications), through an event stored with the match.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record MatchNeed(Guid NeedId, IReadOnlyList<Guid> OfferIds) : IRequest<IReadOnlyList<Guid>>;

internal sealed class MatchNeedValidator : AbstractValidator<MatchNeed>
{
    public MatchNeedValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.OfferIds).NotEmpty().WithMessage(_ => text["Match_OfferRequired"]).AtMost(20, text);
}

internal sealed class MatchNeedHandler(
    LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<MatchNeed, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(MatchNeed request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken)
            ?? throw NotFoundException.For("Need", request.NeedId);
        LabPermissions.Require(await permissions.CanMatchAsync(need, cancellationToken));

        if (need.IsClosed)
        {
            throw new ConflictException(text["Need_Closed"]);
        }

        var offerIds = request.OfferIds.Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id) && !o.IsClosed).ToListAsync(cancellationToken);
        if (offers.Count != offerIds.Count)
        {
            throw new ValidationException([new ValidationFailure(nameof(MatchNeed.OfferIds), text["Validation_Invalid"])]);
        }

        if (offers.Any(o => o.OrganizationId == need.OrganizationId))
        {
            throw new ValidationException([new ValidationFailure(nameof(MatchNeed.OfferIds), text["Match_SameOrganization"])]);
        }

        if (await db.Matches.AnyAsync(m => m.NeedId == need.Id && offerIds.Contains(m.OfferId), cancellationToken))
        {
            throw new ConflictException(text["Match_AlreadyMatched"]);
        }

        var now = clock.GetUtcNow();
        var matches = offers.Select(o => new Match { Id = Guid.NewGuid(), NeedId = need.Id, OfferId = o.Id, MatchedAt = now, MatchedByPersonId = permissions.User.PersonId }).ToList();
        db.Matches.AddRange(matches);

        // Both sides hear of it in their language, each with the other's contact (Notifications), with the match.
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == need.OrganizationId || offers.Select(x => x.OrganizationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var name) ? name : "—";
        foreach (var (match, offer) in matches.Zip(offers))
        {
            db.AddIntegrationEvent(new MatchMade(match.Id, need.Id,
                new MatchSide(need.Title, need.OrganizationId, Name(need.OrganizationId), need.PostedByPersonId),
                new MatchSide(offer.Title, offer.OrganizationId, Name(offer.OrganizationId), offer.PostedByPersonId)), now);
        }

        return matches.Select(m => m.Id).ToList();
    }
}
