using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Membership;

/// <summary>The coordinator or staff set a member's role (lead partner, partner, observer).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ChangeMemberRole(Guid MembershipId, MembershipRole Role) : IRequest<Unit>;

internal sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Role).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
}

internal sealed class ChangeMemberRoleHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<ChangeMemberRole, Unit>
{
    public async Task<Unit> Handle(ChangeMemberRole request, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == request.MembershipId && m.LeftAt == null, cancellationToken)
            ?? throw NotFoundException.For("Membership", request.MembershipId);
        var lab = await permissions.LabAsync(membership.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        membership.Role = request.Role;
        return Unit.Value;
    }
}
