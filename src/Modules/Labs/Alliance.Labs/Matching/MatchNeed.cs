using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Matching;

/// <summary>
/// Staff (or the coordinator of the need's lab) match a need with one or more offers of other organisations.
/// Both sides get an e-mail in their language, queued with the match.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record MatchNeed(Guid NeedId, IReadOnlyList<Guid> OfferIds) : IRequest<IReadOnlyList<Guid>>;

internal sealed class MatchNeedValidator : AbstractValidator<MatchNeed>
{
    public MatchNeedValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.OfferIds).NotEmpty().WithMessage(_ => text["Match_OfferRequired"]).AtMost(20, text);
}

internal sealed class MatchNeedHandler(
    LabsDbContext db, LabPermissions permissions, IMediator mediator, EmailComposer composer, IStringLocalizer<LabsText> text, TimeProvider clock)
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

        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == need.OrganizationId || offers.Select(x => x.OrganizationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var name) ? name : "—";
        var link = composer.Link($"/labs/needs/{need.Id}");

        foreach (var offer in offers)
        {
            foreach (var recipient in await RecipientsAsync(need.PostedByPersonId, need.OrganizationId, cancellationToken))
            {
                db.AddIntegrationEvent(composer.Compose(text, recipient.PreferredLanguage, recipient.Email!, recipient.DisplayName,
                    "Mail_MatchNeed_Subject", "Mail_MatchNeed_Body", [need.Title, offer.Title, Name(offer.OrganizationId), link], "labs-match"), now);
            }

            foreach (var recipient in await RecipientsAsync(offer.PostedByPersonId, offer.OrganizationId, cancellationToken))
            {
                db.AddIntegrationEvent(composer.Compose(text, recipient.PreferredLanguage, recipient.Email!, recipient.DisplayName,
                    "Mail_MatchOffer_Subject", "Mail_MatchOffer_Body", [offer.Title, need.Title, Name(need.OrganizationId), link], "labs-match"), now);
            }
        }

        return matches.Select(m => m.Id).ToList();
    }

    /// <summary>The person who posted it, or (when gone) the organisation's contacts — only those who agreed to e-mail.</summary>
    private async Task<IReadOnlyList<PersonSummary>> RecipientsAsync(Guid? poster, Guid organization, CancellationToken ct)
    {
        IReadOnlyList<PersonSummary> people = poster is { } id ? await mediator.Send(new GetPeopleByIds([id]), ct) : [];
        if (people.All(p => p.IsErased || string.IsNullOrEmpty(p.Email)))
        {
            people = await mediator.Send(new GetMemberContacts([organization]), ct);
        }

        return people.Where(p => p.MayContactByEmail && !string.IsNullOrEmpty(p.Email)).ToList();
    }
}
