using Alliance.Shared.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Invitations;

/// <summary>Whom an invitation link is for and whether it still works (anonymous: the token is the credential).</summary>
[AllowedFor(Who.Anyone)]
internal sealed record GetInvitation(string Token) : IRequest<InvitationView>;

internal sealed record InvitationView(InvitationStatus Status, string? PersonName = null, string? Email = null, string? OrganizationName = null, string? Role = null);

internal sealed class GetInvitationHandler(MembersDbContext db, TimeProvider clock) : IRequestHandler<GetInvitation, InvitationView>
{
    public async Task<InvitationView> Handle(GetInvitation request, CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.Hash(request.Token);
        var found = await (
                from invitation in db.Invitations.AsNoTracking()
                join person in db.People on invitation.PersonId equals person.Id
                where invitation.TokenHash == hash && person.ErasedAt == null
                select new
                {
                    invitation.ExpiresAt,
                    invitation.UsedAt,
                    invitation.Role,
                    person.FirstName,
                    person.LastName,
                    person.Email,
                    OrganizationName = person.Organization != null ? person.Organization.Name : null,
                    HasAccount = db.Users.Any(u => u.PersonId == person.Id),
                })
            .FirstOrDefaultAsync(cancellationToken);

        if (found is null)
        {
            return new InvitationView(InvitationStatus.Unknown);
        }

        var status = Decide(found.UsedAt, found.ExpiresAt, found.HasAccount, clock.GetUtcNow());
        return status == InvitationStatus.Open
            ? new InvitationView(status, $"{found.FirstName} {found.LastName}", found.Email, found.OrganizationName, found.Role)
            : new InvitationView(status);
    }

    /// <summary>Used beats expired (the clearer message); an account made another way also ends the invitation.</summary>
    internal static InvitationStatus Decide(DateTimeOffset? usedAt, DateTimeOffset expiresAt, bool hasAccount, DateTimeOffset now) =>
        usedAt is not null ? InvitationStatus.Used
        : hasAccount ? InvitationStatus.AccountExists
        : expiresAt <= now ? InvitationStatus.Expired
        : InvitationStatus.Open;
}
