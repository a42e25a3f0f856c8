using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Invitations;

/// <summary>What the invitation form needs: the organisations to choose from and, when inviting a known person, who that is.</summary>
internal sealed record GetInvitationForm(Guid? PersonId) : IRequest<InvitationForm>;

internal sealed record InvitationForm(IReadOnlyList<OrganizationOption> Organizations, InviteePreview? Person);

internal sealed record OrganizationOption(Guid Id, string Name);

internal sealed record InviteePreview(Guid Id, string Name, string? Email, string? OrganizationName, string PreferredLanguage, bool HasAccount);

internal sealed class GetInvitationFormHandler(MembersDbContext db, ICurrentUser user) : IRequestHandler<GetInvitationForm, InvitationForm>
{
    public async Task<InvitationForm> Handle(GetInvitationForm request, CancellationToken cancellationToken)
    {
        if (!user.IsStaff)
        {
            throw new ForbiddenException();
        }

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive)
            .OrderBy(o => o.Name)
            .Select(o => new OrganizationOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);

        InviteePreview? person = null;
        if (request.PersonId is { } personId)
        {
            person = await db.People.AsNoTracking()
                .Where(p => p.Id == personId && p.ErasedAt == null)
                .Select(p => new InviteePreview(p.Id, p.FirstName + " " + p.LastName, p.Email,
                    p.Organization != null ? p.Organization.Name : null, p.PreferredLanguage, db.Users.Any(u => u.PersonId == p.Id)))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw NotFoundException.For("Person", personId);
        }

        return new InvitationForm(organizations, person);
    }
}
