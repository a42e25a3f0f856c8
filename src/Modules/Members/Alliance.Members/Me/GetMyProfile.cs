using Alliance.Shared.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Me;

/// <summary>The signed-in person's own profile.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMyProfile : IRequest<MyProfile>;

internal sealed record MyProfile(
    Guid PersonId,
    string FirstName,
    string LastName,
    string? Email,
    string? Phone,
    string? Function,
    string PreferredLanguage,
    string? OrganizationName,
    bool ConsentContactByEmail,
    DateTimeOffset? ConsentContactByEmailAt,
    bool ConsentNameVisible,
    DateTimeOffset? ConsentNameVisibleAt,
    uint Version);

internal sealed class GetMyProfileHandler(MembersDbContext db, IConfigurationProvider mapping, ICurrentUser user) : IRequestHandler<GetMyProfile, MyProfile>
{
    public async Task<MyProfile> Handle(GetMyProfile request, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException();
        return await db.People.AsNoTracking()
                .Where(p => p.Id == personId && p.ErasedAt == null)
                .ProjectTo<MyProfile>(mapping)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Person", personId);
    }
}
