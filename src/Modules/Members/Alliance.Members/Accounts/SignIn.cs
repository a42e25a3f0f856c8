using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

internal sealed record SignIn(string Email, string Password, bool RememberMe = false) : IRequest<SignInOutcome>;

internal enum SignInResultKind
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>The result and, on success, the language the person prefers (the UI switches to it).</summary>
internal sealed record SignInOutcome(SignInResultKind Result, string? PreferredLanguage = null);

internal sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator(IStringLocalizer<MembersText> text)
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["Login_EmailRequired"]);
        RuleFor(c => c.Password).NotEmpty().WithMessage(_ => text["Login_PasswordRequired"]);
    }
}

/// <summary>Password sign-in with lockout after repeated failures; the answer never tells which part was wrong.</summary>
internal sealed class SignInHandler(SignInManager<UserAccount> signIn, MembersDbContext db, TimeProvider clock)
    : IRequestHandler<SignIn, SignInOutcome>
{
    public async Task<SignInOutcome> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var account = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (account is null)
        {
            return new SignInOutcome(SignInResultKind.Failed);
        }

        var result = await signIn.PasswordSignInAsync(account, request.Password, request.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return new SignInOutcome(SignInResultKind.LockedOut);
        }

        if (!result.Succeeded)
        {
            return new SignInOutcome(SignInResultKind.Failed);
        }

        account.LastLoginAt = clock.GetUtcNow();
        var language = await db.People.Where(p => p.Id == account.PersonId).Select(p => p.PreferredLanguage).FirstOrDefaultAsync(cancellationToken);
        return new SignInOutcome(SignInResultKind.Succeeded, language);
    }
}
