using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Privacy;

/// <summary>What the erase confirmation shows: whom, which organisation, whether a login goes too.</summary>
internal sealed record GetErasePreview(Guid PersonId) : IRequest<ErasePreview>;

internal sealed record ErasePreview(Guid PersonId, string Name, string? Email, string? OrganizationName, bool HasAccount, bool IsErased);

internal sealed class GetErasePreviewHandler(MembersDbContext db, ICurrentUser user) : IRequestHandler<GetErasePreview, ErasePreview>
{
    public async Task<ErasePreview> Handle(GetErasePreview request, CancellationToken cancellationToken)
    {
        if (!user.IsStaff)
        {
            throw new ForbiddenException();
        }

        return await db.People.AsNoTracking()
                .Where(p => p.Id == request.PersonId)
                .Select(p => new ErasePreview(p.Id, p.FirstName + " " + p.LastName, p.Email,
                    p.Organization != null ? p.Organization.Name : null, db.Users.Any(u => u.PersonId == p.Id), p.ErasedAt != null))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Person", request.PersonId);
    }
}
