using Alliance.Labs.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.ActionFields;

/// <summary>The action fields for pickers and the labs overview (a short list: capped, ordered by title).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListActionFields : IRequest<IReadOnlyList<ActionFieldItem>>;

internal sealed record ActionFieldItem(Guid Id, string Title, string? Description, int LabCount);

internal sealed class ListActionFieldsHandler(LabsDbContext db) : IRequestHandler<ListActionFields, IReadOnlyList<ActionFieldItem>>
{
    public async Task<IReadOnlyList<ActionFieldItem>> Handle(ListActionFields request, CancellationToken cancellationToken) =>
        await db.ActionFields.AsNoTracking().OrderBy(a => a.Title).Take(200)
            .Select(a => new ActionFieldItem(a.Id, a.Title, a.Description, db.Labs.Count(l => l.ActionFieldId == a.Id)))
            .ToListAsync(cancellationToken);
}
