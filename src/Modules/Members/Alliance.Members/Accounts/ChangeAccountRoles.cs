using Alliance.Members.Domain;
using Alliance.Members.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

/// <summary>Administrators set an account's roles. Nobody removes their own Administrator role (the office must not lock itself out).</summary>
[AllowedFor(Who.Administrator)]
internal sealed record ChangeAccountRoles(Guid AccountId, IReadOnlyList<string>? Roles) : IRequest;

internal sealed class ChangeAccountRolesValidator : AbstractValidator<ChangeAccountRoles>
{
    public ChangeAccountRolesValidator(IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.Roles)
            .NotEmpty().WithMessage(_ => text["Roles_Required"])
            .Must(roles => roles is null || roles.All(r => Alliance.Shared.Contracts.Roles.All.Contains(r)))
            .WithMessage(_ => text["Invite_RoleUnknown"]);
    }
}

internal sealed class ChangeAccountRolesHandler(UserManager<UserAccount> users, ICurrentUser user, IStringLocalizer<AccountText> text)
    : AsyncRequestHandler<ChangeAccountRoles>
{
    protected override async Task Handle(ChangeAccountRoles request, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(request.AccountId.ToString()) ?? throw NotFoundException.For("Account", request.AccountId);
        var wanted = request.Roles!.Distinct().ToList();
        if (account.Id == user.UserId && !wanted.Contains(Roles.Administrator))
        {
            throw new ConflictException(text["Roles_CannotRemoveOwnAdministrator"]);
        }

        var current = await users.GetRolesAsync(account);
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0)
        {
            IdentityValidation.ThrowIfFailed(await users.RemoveFromRolesAsync(account, removed), "Roles");
        }

        if (added.Count > 0)
        {
            IdentityValidation.ThrowIfFailed(await users.AddToRolesAsync(account, added), "Roles");
        }

        // No sign-out needed: the cookie's periodic security-stamp check (MembersModule) re-reads the roles.
    }
}
