using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Membership;

/// <summary>A representative asks to join a lab for their organisation, with a short motivation.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record RequestMembership(Guid LabId, string Motivation) : IRequest<Guid>;

internal sealed class RequestMembershipValidator : AbstractValidator<RequestMembership>
{
    public RequestMembershipValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Motivation).NotEmpty().WithMessage(_ => text["Validation_Required"])
            .MaximumLength(TextLimits.Motivation).WithMessage(_ => text["Validation_TooLong"]);
}

internal sealed class RequestMembershipHandler(
    LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<RequestMembership, Guid>
{
    public async Task<Guid> Handle(RequestMembership request, CancellationToken cancellationToken)
    {
        var organization = permissions.RequireOrganization();
        var lab = await permissions.LabAsync(request.LabId, cancellationToken);
        permissions.RequireOpen(lab);
        if (await db.Memberships.AnyAsync(m => m.LabId == lab.Id && m.OrganizationId == organization && m.LeftAt == null, cancellationToken))
        {
            throw new ConflictException(text["Membership_AlreadyMember"]);
        }

        if (await db.MembershipRequests.AnyAsync(r => r.LabId == lab.Id && r.OrganizationId == organization && r.Status == MembershipRequestStatus.Pending, cancellationToken))
        {
            throw new ConflictException(text["Membership_AlreadyRequested"]);
        }

        await organizations.EnsureAsync([organization], cancellationToken);
        var entry = new MembershipRequest
        {
            Id = Guid.NewGuid(), LabId = lab.Id, OrganizationId = organization, RequestedByPersonId = permissions.User.PersonId,
            Motivation = request.Motivation.Trim(), Status = MembershipRequestStatus.Pending, RequestedAt = clock.GetUtcNow(),
        };
        db.MembershipRequests.Add(entry);

        // The coordinators hear of it (Notifications), in the same transaction as the request.
        var organizationName = db.Organizations.Local.FirstOrDefault(o => o.Id == organization)?.Name
            ?? await db.Organizations.Where(o => o.Id == organization).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "—";
        var coordinators = await db.Coordinators.Where(c => c.LabId == lab.Id).Select(c => c.PersonId).ToListAsync(cancellationToken);
        db.AddIntegrationEvent(new LabMembershipRequested(entry.Id, lab.Id, lab.Title, organizationName, coordinators), entry.RequestedAt);
        return entry.Id;
    }
}
