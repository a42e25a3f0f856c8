using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Privacy;

/// <summary>
/// What the erase confirmation shows: whom, which organisation, whether a login goes too, and the free-text fields in
/// other modules that still name the person (<see cref="CollectErasureReferences"/>), so staff can clear them.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetErasePreview(Guid PersonId) : IRequest<ErasePreview>;

internal sealed record ErasePreview(
    Guid PersonId,
    string Name,
    string? Email,
    string? OrganizationName,
    bool HasAccount,
    bool IsErased,
    IReadOnlyList<ErasureReference> References);

internal sealed class GetErasePreviewHandler(MembersDbContext db, IMediator mediator) : IRequestHandler<GetErasePreview, ErasePreview>
{
    public async Task<ErasePreview> Handle(GetErasePreview request, CancellationToken cancellationToken)
    {
        var preview = await db.People.AsNoTracking()
                .Where(p => p.Id == request.PersonId)
                .Select(p => new ErasePreview(p.Id, p.FirstName + " " + p.LastName, p.Email,
                    p.Organization != null ? p.Organization.Name : null, db.Users.Any(u => u.PersonId == p.Id), p.ErasedAt != null, Array.Empty<ErasureReference>()))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Person", request.PersonId);
        if (preview.IsErased)
        {
            return preview;
        }

        var collector = new ErasureReferenceCollector();
        await mediator.Publish(new CollectErasureReferences(preview.PersonId, preview.Name.Trim(), preview.Email, collector), cancellationToken);
        return preview with { References = collector.References };
    }
}
