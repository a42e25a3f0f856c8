using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Privacy;

/// <summary>Members' part of "everything stored about me": the person, consents, organisation, account and invitations (never tokens).</summary>
internal sealed class CollectMembersPersonalData(MembersDbContext db) : INotificationHandler<CollectPersonalData>
{
    public async Task Handle(CollectPersonalData notification, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == notification.PersonId)
            .Select(p => new
            {
                p.Id,
                p.FirstName,
                p.LastName,
                p.Email,
                p.Phone,
                p.Function,
                p.PreferredLanguage,
                Organization = p.Organization != null ? p.Organization.Name : null,
                Consents = new
                {
                    ContactByEmail = p.ConsentContactByEmail,
                    ContactByEmailGivenAt = p.ConsentContactByEmailAt,
                    NameVisibleToMembers = p.ConsentNameVisible,
                    NameVisibleToMembersGivenAt = p.ConsentNameVisibleAt,
                },
                p.CreatedAt,
                p.UpdatedAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return;
        }

        var account = await db.Users.AsNoTracking()
            .Where(a => a.PersonId == notification.PersonId)
            .Select(a => new
            {
                a.Email,
                Roles = db.UserRoles.Where(r => r.UserId == a.Id).Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
                a.CreatedAt,
                a.LastLoginAt,
            })
            .FirstOrDefaultAsync(cancellationToken);

        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.PersonId == notification.PersonId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Role, i.CreatedAt, i.ExpiresAt, i.UsedAt })
            .ToListAsync(cancellationToken);

        notification.Collector.Add("members", new { Person = person, Account = account, Invitations = invitations });
    }
}
