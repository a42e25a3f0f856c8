using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Messaging;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Organizations;

/// <summary>Staff add a member organisation.</summary>
[AllowedFor(Who.Staff)]
internal sealed record CreateOrganization(
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
    DateOnly? MemberUntil) : IRequest<Guid>, IOrganizationFields;

internal sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganization>
{
    public CreateOrganizationValidator(MembersDbContext db, IStringLocalizer<MembersText> text)
    {
        Include(new OrganizationFieldsValidator(text));
        RuleFor(c => c.Name)
            .MustAsync(async (name, ct) => !await db.Organizations.AnyAsync(o => o.NormalizedName == Organization.Normalize(name ?? ""), ct))
            .WithMessage(_ => text["Organization_NameTaken"]);
    }
}

internal sealed class CreateOrganizationHandler(MembersDbContext db, TimeProvider clock)
    : IRequestHandler<CreateOrganization, Guid>
{
    public Task<Guid> Handle(CreateOrganization request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organization = new Organization { Id = Guid.NewGuid(), CreatedAt = now };
        request.ApplyTo(organization, now);
        db.Organizations.Add(organization);
        db.AddIntegrationEvent(organization.CreatedEvent(), now);
        return Task.FromResult(organization.Id);
    }
}
