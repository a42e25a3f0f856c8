using Alliance.Shared.Contracts;
using Alliance.Members.Accounts;
using Alliance.Members.Domain;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Me;

/// <summary>The signed-in person changes their password (the current one proves it is them).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ChangeMyPassword(string? CurrentPassword, string? NewPassword, string? ConfirmPassword) : IRequest;

internal sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPassword>
{
    public ChangeMyPasswordValidator(IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(_ => text["Password_CurrentRequired"]).MaximumLength(AccountLengths.Password).WithMessage(_ => text["Field_TooLong", AccountLengths.Password]);
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => text["Password_Required"]).MaximumLength(AccountLengths.Password).WithMessage(_ => text["Field_TooLong", AccountLengths.Password]);
        RuleFor(c => c.ConfirmPassword)
            .Equal(c => c.NewPassword).WithMessage(_ => text["Password_Mismatch"])
            .When(c => !string.IsNullOrEmpty(c.NewPassword));
    }
}

internal sealed class ChangeMyPasswordHandler(UserManager<UserAccount> users, SignInManager<UserAccount> signIn, ICurrentUser user)
    : AsyncRequestHandler<ChangeMyPassword>
{
    protected override async Task Handle(ChangeMyPassword request, CancellationToken cancellationToken)
    {
        var accountId = user.UserId ?? throw new ForbiddenException();
        var account = await users.FindByIdAsync(accountId.ToString()) ?? throw new ForbiddenException();
        IdentityValidation.ThrowIfFailed(await users.ChangePasswordAsync(account, request.CurrentPassword!, request.NewPassword!), nameof(ChangeMyPassword.NewPassword));

        // The password change renewed the security stamp; a fresh cookie keeps this browser signed in.
        await signIn.RefreshSignInAsync(account);
    }
}
