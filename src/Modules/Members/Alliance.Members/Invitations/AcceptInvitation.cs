using Alliance.Members.Accounts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Invitations;

/// <summary>
/// The invited person sets a password: creates the account with the invited role, uses up the invitation and
/// signs them in. Anonymous — the token is the credential. A dead link changes nothing.
/// </summary>
[AllowedFor(Who.Anyone)]
/// <remarks>
/// The person answers the two consent questions herself here (GDPR Art. 6(1)(a), Art. 7: asked, never pre-ticked); her
/// answer replaces whatever the office had recorded for her.
/// </remarks>
internal sealed record AcceptInvitation(string Token, string? Password, string? ConfirmPassword, bool ConsentContactByEmail = false, bool ConsentNameVisible = false)
    : IRequest<AcceptedInvitation>;

internal sealed record AcceptedInvitation(Guid AccountId, string PreferredLanguage);

internal sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator(IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage(_ => text["Password_Required"]).MaximumLength(AccountLengths.Password).WithMessage(_ => text["Field_TooLong", AccountLengths.Password]);
        RuleFor(c => c.ConfirmPassword)
            .Equal(c => c.Password).WithMessage(_ => text["Password_Mismatch"])
            .When(c => !string.IsNullOrEmpty(c.Password));
    }
}

internal sealed class AcceptInvitationHandler(
    MembersDbContext db,
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    TimeProvider clock,
    IStringLocalizer<AccountText> text) : IRequestHandler<AcceptInvitation, AcceptedInvitation>
{
    public async Task<AcceptedInvitation> Handle(AcceptInvitation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = InvitationTokens.Hash(request.Token);

        // Identity saves by itself; one transaction keeps account, role and "used" together, and the row lock
        // makes a double click (or two tabs) create one account, not two.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await db.Invitations
            .FromSql($"SELECT * FROM members.invitations WHERE \"TokenHash\" = {hash} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        var person = invitation is null
            ? null
            : await db.People.FirstOrDefaultAsync(p => p.Id == invitation.PersonId && p.ErasedAt == null, cancellationToken);
        if (invitation is null || person is null || string.IsNullOrWhiteSpace(person.Email))
        {
            throw new NotFoundException(text["Invitation_Unknown"]);
        }

        var hasAccount = await db.Users.AnyAsync(u => u.PersonId == person.Id, cancellationToken);
        var status = GetInvitationHandler.Decide(invitation.UsedAt, invitation.ExpiresAt, hasAccount, now);
        if (status != InvitationStatus.Open)
        {
            // Used, expired or already an account: the link is dead (409), the message says why.
            throw new ConflictException(text[$"Invitation_{status}"]);
        }

        var account = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = person.Email.Trim(),
            Email = person.Email.Trim(),
            EmailConfirmed = true,
            PersonId = person.Id,
            CreatedAt = now,
            LastLoginAt = now,
        };
        await IdentityValidation.EnsurePasswordAcceptedAsync(users, account, request.Password!, nameof(AcceptInvitation.Password));
        IdentityValidation.ThrowIfFailed(await users.CreateAsync(account, request.Password!), nameof(AcceptInvitation.Password));
        IdentityValidation.ThrowIfFailed(await users.AddToRoleAsync(account, invitation.Role), nameof(AcceptInvitation.Password));

        invitation.UsedAt = now;
        if (person.ConsentContactByEmail != request.ConsentContactByEmail || person.ConsentNameVisible != request.ConsentNameVisible)
        {
            if (person.ConsentContactByEmail != request.ConsentContactByEmail)
            {
                person.ConsentContactByEmail = request.ConsentContactByEmail;
                person.ConsentContactByEmailAt = request.ConsentContactByEmail ? now : null;
            }

            if (person.ConsentNameVisible != request.ConsentNameVisible)
            {
                person.ConsentNameVisible = request.ConsentNameVisible;
                person.ConsentNameVisibleAt = request.ConsentNameVisible ? now : null;
            }

            person.Touch(now);
            // Other modules keep consent flags in their copies: they learn of the answer as of a profile change.
            db.AddIntegrationEvent(person.ChangedEvent(hasAccount: true), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await signIn.SignInAsync(account, isPersistent: false);
        return new AcceptedInvitation(account.Id, person.PreferredLanguage);
    }
}
