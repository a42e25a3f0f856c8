using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>The dashboard card's numbers: active organisations and the people the caller can find in the directory.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMembersDashboard : IRequest<MembersDashboard>;

/// <summary>What the card shows; <see cref="OwnOrganizationId"/> links to the caller's organisation when she has one.</summary>
internal sealed record MembersDashboard(int ActiveOrganizations, int People, Guid? OwnOrganizationId);

internal sealed class GetMembersDashboardHandler(MembersDbContext db, MemberPermissions permissions)
    : IRequestHandler<GetMembersDashboard, MembersDashboard>
{
    public async Task<MembersDashboard> Handle(GetMembersDashboard request, CancellationToken cancellationToken) =>
        new(
            await db.Organizations.CountAsync(o => o.IsActive, cancellationToken),
            await db.People.CountAsync(permissions.VisiblePeople(), cancellationToken),
            permissions.OwnOrganizationId);
}
