using System.Security.Claims;
using Alliance.Members.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alliance.Members.Accounts;

/// <summary>
/// Checks the login cookie on every request: its security stamp must still be the account's. Sign-out, a
/// password change or reset, a role change and erasure give the account a new stamp (or remove it), so every
/// cookie issued before — also one copied out of a browser — stops working at once. One indexed lookup per
/// signed-in request (a compiled query: the LINQ is translated once per process, not per request); Identity's own
/// validator then refreshes the claims periodically as before.
/// </summary>
internal static class SessionValidation
{
    private static readonly Func<MembersDbContext, Guid, Task<string?>> CurrentStamp = EF.CompileAsyncQuery(
        (MembersDbContext db, Guid accountId) => db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => u.SecurityStamp).FirstOrDefault());

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var current = Guid.TryParse(context.Principal?.FindFirstValue(claims.UserIdClaimType), out var accountId)
            ? await CurrentStamp(services.GetRequiredService<MembersDbContext>(), accountId)
            : null;
        if (stamp is null || current is null || !string.Equals(stamp, current, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
