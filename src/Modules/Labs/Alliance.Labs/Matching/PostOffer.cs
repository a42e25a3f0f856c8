using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Matching;

/// <summary>A company posts what it can give.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record PostOffer(string Title, string? Description, int? Quantity) : IRequest<Guid>;

internal sealed class PostOfferValidator : AbstractValidator<PostOffer>
{
    public PostOfferValidator(IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.OfferTitle).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Description).MaximumLength(TextLimits.OfferDescription).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Quantity).InclusiveBetween(1, 10_000).When(c => c.Quantity is not null).WithMessage(_ => text["Validation_Quantity"]);
    }
}

internal sealed class PostOfferHandler(LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, TimeProvider clock) : IRequestHandler<PostOffer, Guid>
{
    public async Task<Guid> Handle(PostOffer request, CancellationToken cancellationToken)
    {
        var organization = permissions.RequireOrganization();
        await organizations.EnsureAsync([organization], cancellationToken);
        var offer = new Offer
        {
            Id = Guid.NewGuid(), OrganizationId = organization, PostedByPersonId = permissions.User.PersonId, Title = request.Title.Trim(),
            Description = request.Description?.Trim(), Quantity = request.Quantity, CreatedAt = clock.GetUtcNow(),
        };
        db.Offers.Add(offer);
        return offer.Id;
    }
}
