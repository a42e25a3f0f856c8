using System.Security.Claims;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Alliance.Members.Accounts;

/// <summary>Puts the person, their organisation and display name into the login cookie, so no page has to look them up.</summary>
internal sealed class AccountClaimsFactory(
    UserManager<UserAccount> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    MembersDbContext db) : UserClaimsPrincipalFactory<UserAccount, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == user.PersonId);
        identity.AddClaim(new Claim(AllianceClaimTypes.PersonId, user.PersonId.ToString()));
        if (person is not null)
        {
            identity.AddClaim(new Claim(AllianceClaimTypes.DisplayName, person.DisplayName));
            if (person.OrganizationId is { } organizationId)
            {
                identity.AddClaim(new Claim(AllianceClaimTypes.OrganizationId, organizationId.ToString()));
            }
        }

        return identity;
    }
}
