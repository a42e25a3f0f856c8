using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Invitations;

/// <summary>What the invitation form needs: when inviting a known person, who that is (organisations are chosen with the picker).</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetInvitationForm(Guid? PersonId) : IRequest<InvitationForm>;

/// <summary>The form's choices; <see cref="CanGrantAdministrator"/> offers the Administrator role (administrators only).</summary>
internal sealed record InvitationForm(InviteePreview? Person, bool CanGrantAdministrator);

internal sealed record InviteePreview(Guid Id, string Name, string? Email, string? OrganizationName, string PreferredLanguage, bool HasAccount);

internal sealed class GetInvitationFormHandler(MembersDbContext db, MemberPermissions permissions) : IRequestHandler<GetInvitationForm, InvitationForm>
{
    public async Task<InvitationForm> Handle(GetInvitationForm request, CancellationToken cancellationToken)
    {
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

        return new InvitationForm(person, permissions.MayGrantRole(Roles.Administrator));
    }
}
