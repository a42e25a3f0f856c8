using Alliance.Members.Domain;
using Alliance.Shared.Security;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Alliance.Members.Accounts;

/// <summary>
/// Ends the session for good: a new security stamp makes every login cookie of the account worthless (a copied
/// cookie too — the stamp is checked on each request, see <c>SessionValidation</c>), then this browser's cookie
/// is deleted. Other browsers of the same account are signed out as well.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SignOut : IRequest;

internal sealed class SignOutHandler(SignInManager<UserAccount> signIn, ICurrentUser user) : AsyncRequestHandler<SignOut>
{
    protected override async Task Handle(SignOut request, CancellationToken cancellationToken)
    {
        if (user.UserId is { } id && await signIn.UserManager.FindByIdAsync(id.ToString()) is { } account)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(account);
        }

        await signIn.SignOutAsync();
    }
}
