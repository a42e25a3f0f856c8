using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.ActionFields;

/// <summary>
/// One action field with its number of labs — what <see cref="ListActionFields"/> lists, so every signed-in person
/// reads it; 404 for an unknown id. The Location of <c>CreateActionField</c>.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetActionField(Guid ActionFieldId) : IRequest<ActionFieldItem>;

internal sealed class GetActionFieldHandler(LabsDbContext db) : IRequestHandler<GetActionField, ActionFieldItem>
{
    public async Task<ActionFieldItem> Handle(GetActionField request, CancellationToken cancellationToken) =>
        await db.ActionFields.AsNoTracking().Where(a => a.Id == request.ActionFieldId)
            .Select(a => new ActionFieldItem(a.Id, a.Title, a.Description, db.Labs.Count(l => l.ActionFieldId == a.Id)))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("ActionField", request.ActionFieldId);
}
