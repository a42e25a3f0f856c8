using Alliance.Shared.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Accounts;

/// <summary>One account for the administrators' edit page.</summary>
[AllowedFor(Who.Administrator)]
internal sealed record GetAccount(Guid Id) : IRequest<AccountListItem>;

internal sealed class GetAccountHandler(MembersDbContext db, SignInThrottle throttle, TimeProvider clock) : IRequestHandler<GetAccount, AccountListItem>
{
    public async Task<AccountListItem> Handle(GetAccount request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await (
                from account in db.Users.AsNoTracking()
                join person in db.People on account.PersonId equals person.Id
                where account.Id == request.Id
                select new AccountListItem(
                    account.Id,
                    person.Id,
                    person.FirstName + " " + person.LastName,
                    account.Email,
                    person.Organization != null ? person.Organization.Name : null,
                    db.UserRoles.Where(r => r.UserId == account.Id)
                        .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                        .OrderBy(name => name)
                        .ToList(),
                    account.LockoutEnd != null && account.LockoutEnd > now,
                    account.LockoutEnd,
                    account.CreatedAt,
                    account.LastLoginAt))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Account", request.Id);
        return throttle.Show(found);
    }
}
