using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

[AllowedFor(Who.Anyone)]
internal sealed record SignIn(string Email, string Password, bool RememberMe = false) : IRequest<SignInOutcome>;

internal enum SignInResultKind
{
    Succeeded,
    Failed,

    /// <summary>The address is waiting after repeated failures (<see cref="SignInOutcome.RetryAfter"/>); the password was not checked.</summary>
    TooManyAttempts,
}

/// <summary>The result and, on success, the language the person prefers (the UI switches to it).</summary>
internal sealed record SignInOutcome(SignInResultKind Result, string? PreferredLanguage = null, TimeSpan? RetryAfter = null);

internal sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator(IStringLocalizer<MembersText> text)
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["Login_EmailRequired"]).MaximumLength(PersonLengths.Email).WithMessage(_ => text["Field_TooLong", PersonLengths.Email]);
        RuleFor(c => c.Password).NotEmpty().WithMessage(_ => text["Login_PasswordRequired"]).MaximumLength(AccountLengths.Password).WithMessage(_ => text["Field_TooLong", AccountLengths.Password]);
    }
}

/// <summary>
/// Password sign-in. Whether the address has an account never shows: an unknown address costs the same work
/// (a password hash is checked against a stand-in), gets the same answer, and waits the same after repeated
/// failures (<see cref="SignInThrottle"/>). There is no hard lockout a stranger could use to shut someone out.
/// </summary>
internal sealed class SignInHandler(SignInManager<UserAccount> signIn, MembersDbContext db, SignInThrottle throttle, TimeProvider clock)
    : IRequestHandler<SignIn, SignInOutcome>
{
    public async Task<SignInOutcome> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        if (throttle.WaitFor(email) is { } waiting)
        {
            return new SignInOutcome(SignInResultKind.TooManyAttempts, RetryAfter: waiting);
        }

        var users = signIn.UserManager;
        var account = await users.FindByEmailAsync(email);
        var passwordIsRight = account is null
            ? StandIn.Check(users.PasswordHasher, request.Password)
            : await users.CheckPasswordAsync(account, request.Password);
        if (account is null || !passwordIsRight)
        {
            // The failure that starts a wait already says so (the same for every address).
            return throttle.Failed(email) is { } wait
                ? new SignInOutcome(SignInResultKind.TooManyAttempts, RetryAfter: wait)
                : new SignInOutcome(SignInResultKind.Failed);
        }

        throttle.Clear(email);
        await signIn.SignInAsync(account, request.RememberMe);
        account.LastLoginAt = clock.GetUtcNow();
        var language = await db.People.Where(p => p.Id == account.PersonId).Select(p => p.PreferredLanguage).FirstOrDefaultAsync(cancellationToken);
        return new SignInOutcome(SignInResultKind.Succeeded, language);
    }

    /// <summary>A hash of a random password, made once with the real hasher (same algorithm and cost), to verify against when no account exists.</summary>
    private static class StandIn
    {
        private static readonly UserAccount Account = new() { Id = Guid.Empty, UserName = "stand-in" };
        private static string? _hash;

        public static bool Check(IPasswordHasher<UserAccount> hasher, string password)
        {
            _hash ??= hasher.HashPassword(Account, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(Account, _hash, password);
            return false;
        }
    }
}
