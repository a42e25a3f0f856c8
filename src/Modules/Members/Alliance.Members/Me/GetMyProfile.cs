using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Me;

/// <summary>The signed-in person's own profile.</summary>
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

internal sealed class GetMyProfileHandler(MembersDbContext db, ICurrentUser user) : IRequestHandler<GetMyProfile, MyProfile>
{
    public async Task<MyProfile> Handle(GetMyProfile request, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException();
        return await db.People.AsNoTracking()
                .Where(p => p.Id == personId && p.ErasedAt == null)
                .Select(p => new MyProfile(p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.Function, p.PreferredLanguage,
                    p.Organization != null ? p.Organization.Name : null,
                    p.ConsentContactByEmail, p.ConsentContactByEmailAt, p.ConsentNameVisible, p.ConsentNameVisibleAt, p.Version))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Person", personId);
    }
}
