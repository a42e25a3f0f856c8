using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Organizations;

/// <summary>
/// Edits an organisation. Staff may change everything; a representative only their own organisation's profile,
/// not its partner group or membership dates. <see cref="Version"/> is the version the editor read (409 when stale).
/// </summary>
internal sealed record UpdateOrganization(
    Guid Id,
    string Name,
    PartnerGroup PartnerGroup,
    string? Sector,
    int? EmployeeCount,
    string? District,
    string? Street,
    string? PostalCode,
    string? City,
    string? Website,
    DateOnly? MemberSince,
    DateOnly? MemberUntil,
    uint Version) : IRequest<Unit>, IOrganizationFields;

internal sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganization>
{
    public UpdateOrganizationValidator(MembersDbContext db, IStringLocalizer<MembersText> text)
    {
        Include(new OrganizationFieldsValidator(text));
        RuleFor(c => c.Name)
            .MustAsync(async (command, name, ct) =>
                !await db.Organizations.AnyAsync(o => o.NormalizedName == Organization.Normalize(name ?? "") && o.Id != command.Id, ct))
            .WithMessage(_ => text["Organization_NameTaken"]);
    }
}

internal sealed class UpdateOrganizationHandler(MembersDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<UpdateOrganization, Unit>
{
    public async Task<Unit> Handle(UpdateOrganization request, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken);
        if (organization is null || (!user.IsStaff && !organization.IsActive && user.OrganizationId != organization.Id))
        {
            throw NotFoundException.For("Organization", request.Id);
        }

        if (!user.IsStaff)
        {
            if (user.OrganizationId != organization.Id)
            {
                throw new ForbiddenException("Only staff and the organisation's own representatives may edit it.");
            }

            if (request.PartnerGroup != organization.PartnerGroup
                || request.MemberSince != organization.MemberSince
                || request.MemberUntil != organization.MemberUntil)
            {
                throw new ForbiddenException("Only staff may change the partner group and the membership dates.");
            }
        }

        db.Entry(organization).Property(o => o.Version).OriginalValue = request.Version;
        var now = clock.GetUtcNow();
        request.ApplyTo(organization, now);
        db.AddIntegrationEvent(new OrganizationChanged(organization.ToSummary()), now);
        return Unit.Value;
    }
}
