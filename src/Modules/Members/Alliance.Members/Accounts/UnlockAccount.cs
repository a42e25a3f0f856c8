using Alliance.Shared.Contracts;
using Alliance.Members.Domain;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Alliance.Members.Accounts;

/// <summary>Administrators end a sign-in wait (<see cref="SignInThrottle"/>) early and clear the failure count.</summary>
[AllowedFor(Who.Administrator)]
internal sealed record UnlockAccount(Guid AccountId) : IRequest;

internal sealed class UnlockAccountHandler(UserManager<UserAccount> users, SignInThrottle throttle) : AsyncRequestHandler<UnlockAccount>
{
    protected override async Task Handle(UnlockAccount request, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(request.AccountId.ToString()) ?? throw NotFoundException.For("Account", request.AccountId);
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        throttle.Clear(account.Email);
    }
}
