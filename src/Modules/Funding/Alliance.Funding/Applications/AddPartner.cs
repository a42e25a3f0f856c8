using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Applications;

/// <summary>Staff add a partner organisation with its role (e.g. "Verbundpartner") to an application's plan.</summary>
[AllowedFor(Who.Staff)]
internal sealed record AddPartner(Guid ApplicationId, Guid? OrganizationId, string? Role) : IRequest<Guid>;

internal sealed class AddPartnerValidator : AbstractValidator<AddPartner>
{
    public AddPartnerValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(p => p.OrganizationId).NotNull().WithMessage(_ => text["Field_Required"]);
        RuleFor(p => p.Role).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Role);
    }
}

internal sealed class AddPartnerHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text) : IRequestHandler<AddPartner, Guid>
{
    public async Task<Guid> Handle(AddPartner request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var organization = request.OrganizationId!.Value;
        if (organization == application.ApplicantOrganizationId
            || await db.Partners.AnyAsync(p => p.ApplicationId == application.Id && p.OrganizationId == organization, cancellationToken))
        {
            throw Invalid.Field(nameof(AddPartner.OrganizationId), text["Partner_AlreadyIn"]);
        }

        var partner = new Partner { Id = Guid.NewGuid(), ApplicationId = application.Id, OrganizationId = organization, Role = request.Role!.Trim() };
        db.Partners.Add(partner);
        return partner.Id;
    }
}
