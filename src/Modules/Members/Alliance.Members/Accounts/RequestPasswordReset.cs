using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

/// <summary>
/// "Forgot password": mails a reset link when the address belongs to an account. The caller always gets the same
/// answer, so nobody can find out which addresses have accounts.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record RequestPasswordReset(string? Email) : IRequest;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator(IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Field_EmailRequired"])
            .MaximumLength(PersonLengths.Email).WithMessage(_ => text["Field_TooLong", PersonLengths.Email])
            .EmailAddress().WithMessage(_ => text["Field_EmailInvalid"]);
    }
}

internal sealed class RequestPasswordResetHandler(
    UserManager<UserAccount> users,
    MembersDbContext db,
    EmailComposer composer,
    IStringLocalizer<AccountText> text,
    SignInThrottle throttle,
    TimeProvider clock) : AsyncRequestHandler<RequestPasswordReset>
{
    protected override async Task Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        // A few mails per address and hour, whether or not it has an account: nobody can flood a mailbox.
        if (!throttle.TryTakeResetMail(request.Email!))
        {
            return;
        }

        var account = await users.FindByEmailAsync(request.Email!.Trim());
        if (account?.Email is null)
        {
            return;
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == account.PersonId && p.ErasedAt == null, cancellationToken);
        if (person is null)
        {
            return;
        }

        // The token is bound to the security stamp: once the password changes, the link stops working.
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var language = Cultures.Normalize(person.PreferredLanguage);
        var link = composer.Link($"/account/reset-password?email={Uri.EscapeDataString(account.Email)}&token={Uri.EscapeDataString(token)}&culture={language}");
        var mail = composer.Compose(text, language, account.Email, person.DisplayName,
            "Mail_PasswordReset_Subject", "Mail_PasswordReset_Body", [link], "password-reset");
        db.AddIntegrationEvent(mail, clock.GetUtcNow());
    }
}
