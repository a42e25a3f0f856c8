using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Organizations;

/// <summary>
/// Edits an organisation. Staff may change everything; a representative only their own organisation's profile,
/// not its partner group or membership dates. <see cref="Version"/> is the version the editor read (409 when stale).
/// </summary>
[AllowedFor(Who.SignedIn)]
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

internal sealed class UpdateOrganizationHandler(MembersDbContext db, MemberPermissions permissions, TimeProvider clock, IStringLocalizer<DirectoryText> text)
    : IRequestHandler<UpdateOrganization, Unit>
{
    public async Task<Unit> Handle(UpdateOrganization request, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken);
        if (organization is null || !permissions.SeesOrganization(organization.Id, organization.IsActive))
        {
            throw NotFoundException.For("Organization", request.Id);
        }

        if (!permissions.MayEditOrganization(organization.Id))
        {
            throw new ForbiddenException(text["Organization_EditForbidden"]);
        }

        if (!permissions.MayManageMembership
            && (request.PartnerGroup != organization.PartnerGroup
                || request.MemberSince != organization.MemberSince
                || request.MemberUntil != organization.MemberUntil))
        {
            throw new ForbiddenException(text["Organization_MembershipStaffOnly"]);
        }

        db.Entry(organization).Property(o => o.Version).OriginalValue = request.Version;
        var now = clock.GetUtcNow();
        request.ApplyTo(organization, now);
        db.AddIntegrationEvent(organization.ChangedEvent(), now);
        return Unit.Value;
    }
}
