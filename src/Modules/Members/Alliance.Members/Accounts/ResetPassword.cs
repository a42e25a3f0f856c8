using Alliance.Shared.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Resources;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

/// <summary>Sets a new password with the token from the reset mail. The token works once: the new password changes the security stamp.</summary>
[AllowedFor(Who.Anyone)]
internal sealed record ResetPassword(string? Email, string? Token, string? Password, string? ConfirmPassword) : IRequest;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["Reset_LinkInvalid"]);
        RuleFor(c => c.Token).NotEmpty().WithMessage(_ => text["Reset_LinkInvalid"]);
        RuleFor(c => c.Password).NotEmpty().WithMessage(_ => text["Password_Required"]).MaximumLength(AccountLengths.Password).WithMessage(_ => text["Field_TooLong", AccountLengths.Password]);
        RuleFor(c => c.ConfirmPassword)
            .Equal(c => c.Password).WithMessage(_ => text["Password_Mismatch"])
            .When(c => !string.IsNullOrEmpty(c.Password));
    }
}

internal sealed class ResetPasswordHandler(UserManager<UserAccount> users, SignInThrottle throttle, IStringLocalizer<AccountText> text) : AsyncRequestHandler<ResetPassword>
{
    protected override async Task Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(request.Email!.Trim())
            ?? throw new ValidationException([new ValidationFailure(nameof(ResetPassword.Token), text["Reset_LinkInvalid"])]);

        // Check the token before the password rules, so a dead link is reported as such and not as a weak password.
        if (!await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<UserAccount>.ResetPasswordTokenPurpose, request.Token!))
        {
            throw new ValidationException([new ValidationFailure(nameof(ResetPassword.Token), text["Reset_LinkInvalid"])]);
        }

        IdentityValidation.ThrowIfFailed(await users.ResetPasswordAsync(account, request.Token!, request.Password!), nameof(ResetPassword.Password));

        // Whoever can read the mailbox may sign in again at once, whatever strangers tried.
        throttle.Clear(account.Email);
    }
}
